using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing.FlowControl;

/// <summary>The flow-control attribute types of the runtime, and which of them an applied attribute is.</summary>
internal sealed class FlowAttributeTypes
{
    private readonly (INamedTypeSymbol? Type, FlowAttributeKind Kind)[] _all;

    public FlowAttributeTypes(Compilation compilation) =>
        _all =
        [
            (compilation.GetTypeByMetadataName(KnownNames.ConcurrencyAttribute), FlowAttributeKind.Concurrency),
            (compilation.GetTypeByMetadataName(KnownNames.ThrottleAttribute), FlowAttributeKind.Throttle),
            (compilation.GetTypeByMetadataName(KnownNames.RateLimitAttribute), FlowAttributeKind.RateLimit),
            (compilation.GetTypeByMetadataName(KnownNames.SingletonAttribute), FlowAttributeKind.Singleton),
            (compilation.GetTypeByMetadataName(KnownNames.PriorityAttribute), FlowAttributeKind.Priority),
            (compilation.GetTypeByMetadataName(KnownNames.IdempotencyAttribute), FlowAttributeKind.Idempotency),
        ];

    /// <summary>Which flow-control attribute <paramref name="attribute"/> is, or null for any other attribute.</summary>
    public FlowAttributeKind? KindOf(AttributeData attribute)
    {
        if (attribute.AttributeClass is not { } type)
        {
            return null;
        }

        foreach (var (candidate, kind) in _all)
        {
            if (candidate is not null && SymbolEqualityComparer.Default.Equals(type, candidate))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The flow-control attributes applied to <paramref name="method"/>, in source order.</summary>
    public IEnumerable<(AttributeData Attribute, FlowAttributeKind Kind)> On(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (KindOf(attribute) is { } kind)
            {
                yield return (attribute, kind);
            }
        }
    }
}
