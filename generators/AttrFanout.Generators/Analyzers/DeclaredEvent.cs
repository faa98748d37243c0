using AttrFanout.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Analyzers;

/// <summary>One <c>[Event]</c> type of this project, for the compilation-end checks.</summary>
internal sealed class DeclaredEvent
{
    private DeclaredEvent(string name, INamedTypeSymbol type, Location nameLocation)
    {
        Name = name;
        Type = type;
        NameLocation = nameLocation;
    }

    public string Name { get; }

    public INamedTypeSymbol Type { get; }

    /// <summary>The name argument of <c>[Event]</c>.</summary>
    public Location NameLocation { get; }

    public static DeclaredEvent? From(INamedTypeSymbol type, FanoutSymbols symbols, CancellationToken cancellationToken) =>
        symbols.Event(type) is { } attribute && EventParser.EventName(attribute) is { } name && type.Locations.Length > 0
            ? new DeclaredEvent(name, type, AttributeLocations.FirstArgument(attribute, type.Locations[0], cancellationToken))
            : null;
}
