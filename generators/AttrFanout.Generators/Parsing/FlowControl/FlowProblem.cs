using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing.FlowControl;

/// <summary>
/// Something wrong with a flow-control attribute, found by <see cref="FlowControlParser"/>: the diagnostic, the attribute
/// and the argument it is reported at, and the message's arguments. The analyzers report it; the generator only leaves the
/// function's rules out.
/// </summary>
internal sealed class FlowProblem(DiagnosticDescriptor descriptor, AttributeData attribute, string? argument, params object[] messageArguments)
{
    /// <summary>The <see cref="Argument"/> of a problem with the attribute's first constructor argument.</summary>
    public const string FirstArgument = "";

    public DiagnosticDescriptor Descriptor { get; } = descriptor;

    public AttributeData Attribute { get; } = attribute;

    /// <summary>The named argument reported at, <see cref="FirstArgument"/>, or null for the whole attribute.</summary>
    public string? Argument { get; } = argument;

    public object[] MessageArguments { get; } = messageArguments;

    /// <summary>The replacement for the written key that the analyzer offers as a fix (AF0022), or null.</summary>
    public string? Suggestion { get; init; }

    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;
}
