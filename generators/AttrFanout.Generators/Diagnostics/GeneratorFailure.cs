using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AttrFanout.Generators.Diagnostics;

/// <summary>
/// An exception the generator met while reading one symbol (AF0012), as plain data: the symbol, what went wrong and where
/// it is declared. It flows beside the models, never inside them, so a failure does not hold the compilation alive.
/// </summary>
internal sealed record GeneratorFailure(string Subject, string Reason, string? FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static GeneratorFailure From(string subject, Exception exception, Location? location)
    {
        var lines = location is { IsInSource: true } ? location.GetLineSpan() : default;
        return new GeneratorFailure(subject, Describe(exception), location is { IsInSource: true } ? lines.Path : null, location?.SourceSpan ?? default, lines.Span);
    }

    public static string Describe(Exception exception) => $"{exception.GetType().Name}: {exception.Message}";

    public Diagnostic ToDiagnostic() => Diagnostic.Create(
        Descriptors.GeneratorFailed,
        FilePath is null ? Location.None : Location.Create(FilePath, Span, LineSpan),
        Subject,
        Reason);
}
