using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Diagnostics;

/// <summary>
/// Keeps an exception inside the generator from escaping as CS8785 (which drops every generated file, <c>AddAttrFanout</c>
/// included): the failing symbol is left out and reported as AF0012, and the rest is still generated.
/// </summary>
internal static class GeneratorGuard
{
    /// <summary>Parses one symbol; an exception becomes a <see cref="GeneratorFailure"/> naming it.</summary>
    public static Parsed<T> Parse<T>(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken, Func<GeneratorAttributeSyntaxContext, CancellationToken, T?> parse)
        where T : class =>
        Run(() => parse(context, cancellationToken), () => (context.TargetSymbol.ToDisplayString(), context.TargetSymbol.Locations.FirstOrDefault()));

    /// <summary>Runs <paramref name="parse"/>; an exception other than cancellation becomes a failure naming what <paramref name="subject"/> describes.</summary>
    public static Parsed<T> Run<T>(Func<T?> parse, Func<(string Name, Location? Location)> subject)
        where T : class
    {
        try
        {
            return new Parsed<T>(parse(), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var (name, location) = subject();
            return new Parsed<T>(null, GeneratorFailure.From(name, exception, location));
        }
    }

    /// <summary>Emits the sources of <paramref name="subject"/>; an exception other than cancellation is reported as AF0012 instead.</summary>
    public static void Emit(Action<Diagnostic> report, string subject, Action emit)
    {
        try
        {
            emit();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            report(new GeneratorFailure(subject, GeneratorFailure.Describe(exception), null, default, default).ToDiagnostic());
        }
    }
}

/// <summary>The result of parsing one symbol: its model (null when the analyzers report it), or the generator's own failure.</summary>
internal sealed record Parsed<T>(T? Model, GeneratorFailure? Failure)
    where T : class;
