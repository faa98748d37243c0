using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Analyzers;

/// <summary>An event recorded in a referenced assembly's metadata.</summary>
internal sealed class ReferencedEvent(string name, ITypeSymbol type, string assembly)
{
    public string Name { get; } = name;

    public ITypeSymbol Type { get; } = type;

    public string Assembly { get; } = assembly;
}
