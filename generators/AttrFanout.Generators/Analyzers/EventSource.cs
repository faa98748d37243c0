using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Analyzers;

/// <summary>One declaration of an event name: an <c>[Event]</c> type of this project or an event recorded by a reference.</summary>
internal sealed class EventSource(ITypeSymbol type, string description)
{
    public ITypeSymbol Type { get; } = type;

    /// <summary>The declaring type as shown in messages, with the referenced assembly when it is not this project.</summary>
    public string Description { get; } = description;

    public static EventSource Of(DeclaredEvent declared) => new(declared.Type, $"'{declared.Type.ToDisplayString()}'");

    public static EventSource Of(ReferencedEvent referenced) =>
        new(referenced.Type, $"'{referenced.Type.ToDisplayString()}' in '{referenced.Assembly}'");
}
