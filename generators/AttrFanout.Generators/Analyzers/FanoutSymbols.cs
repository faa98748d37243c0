using AttrFanout.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Analyzers;

/// <summary>The attribute types and handler-shape types the analyzers look for, resolved once per compilation.</summary>
internal sealed class FanoutSymbols
{
    private FanoutSymbols(Compilation compilation, INamedTypeSymbol onEvent, INamedTypeSymbol @event)
    {
        OnEventAttribute = onEvent;
        EventAttribute = @event;
        FanoutEventAttribute = compilation.GetTypeByMetadataName(KnownNames.FanoutEventAttribute);
        FanoutFunctionAttribute = compilation.GetTypeByMetadataName(KnownNames.FanoutFunctionAttribute);
        OnScheduleAttribute = compilation.GetTypeByMetadataName(KnownNames.OnScheduleAttribute);
        ScheduledTick = compilation.GetTypeByMetadataName(KnownNames.ScheduledTick);
        Types = KnownTypes.From(compilation);
    }

    public INamedTypeSymbol OnEventAttribute { get; }

    public INamedTypeSymbol EventAttribute { get; }

    public INamedTypeSymbol? FanoutEventAttribute { get; }

    public INamedTypeSymbol? FanoutFunctionAttribute { get; }

    public INamedTypeSymbol? OnScheduleAttribute { get; }

    public INamedTypeSymbol? ScheduledTick { get; }

    public KnownTypes Types { get; }

    /// <summary>Resolves the symbols, or returns null when the compilation does not reference the runtime.</summary>
    public static FanoutSymbols? From(Compilation compilation) =>
        compilation.GetTypeByMetadataName(KnownNames.OnEventAttribute) is { } onEvent &&
        compilation.GetTypeByMetadataName(KnownNames.EventAttribute) is { } @event
            ? new FanoutSymbols(compilation, onEvent, @event)
            : null;

    /// <summary>
    /// The well-formed <c>[OnEvent]</c> on a handler method <paramref name="symbol"/>, or null. A partial method's two halves
    /// are one handler: only its defining half answers, though the attribute may be written on either. Other targets
    /// (operators, accessors, local functions, lambdas) answer null here and are reported by <see cref="HandlerTargetAnalyzer"/>.
    /// </summary>
    public AttributeData? OnEvent(ISymbol symbol) =>
        symbol is IMethodSymbol { PartialDefinitionPart: null } method && IsHandlerTarget(method) ? Find(symbol, OnEventAttribute) : null;

    /// <summary>
    /// Every well-formed <c>[OnEvent]</c> on a handler method <paramref name="symbol"/>, in source order (one per trigger), or
    /// empty; the first is <see cref="OnEvent"/>'s.
    /// </summary>
    public IReadOnlyList<AttributeData> OnEvents(ISymbol symbol) =>
        symbol is IMethodSymbol { PartialDefinitionPart: null } method && IsHandlerTarget(method)
            ? symbol.GetAttributes().Where(a => a.AttributeConstructor is not null && SymbolEqualityComparer.Default.Equals(a.AttributeClass, OnEventAttribute)).ToList()
            : [];

    /// <summary>The well-formed <c>[OnSchedule]</c> on <paramref name="method"/>, or null.</summary>
    public AttributeData? OnSchedule(IMethodSymbol method) =>
        OnScheduleAttribute is null ? null : Find(method, OnScheduleAttribute);

    /// <summary>The well-formed <c>[OnEvent]</c> on any symbol, handler target or not.</summary>
    public AttributeData? OnEventOnAnyTarget(ISymbol symbol) => Find(symbol, OnEventAttribute);

    /// <summary>Whether <paramref name="method"/> is of a kind that can be a handler: an ordinary method (or explicit interface implementation) of a type.</summary>
    public static bool IsHandlerTarget(IMethodSymbol method) =>
        method.MethodKind is MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation;

    /// <summary>The well-formed <c>[Event]</c> on <paramref name="symbol"/>, or null.</summary>
    public AttributeData? Event(ISymbol symbol) => Find(symbol, EventAttribute);

    private static AttributeData? Find(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeConstructor is not null &&
                SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return attribute;
            }
        }

        return null;
    }
}
