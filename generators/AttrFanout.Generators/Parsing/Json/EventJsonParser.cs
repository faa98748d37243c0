using AttrFanout.Generators.Model;
using AttrFanout.Generators.Model.Json;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing.Json;

/// <summary>Decides how one <c>[Event]</c> payload is serialized: through its <c>JsonContext</c>, the generated resolver, or not at all (AF0011).</summary>
internal static class EventJsonParser
{
    public const string JsonContextProperty = "JsonContext";
    public const string JsonNamingProperty = "JsonNaming";
    private const string JsonSerializableAttribute = "System.Text.Json.Serialization.JsonSerializableAttribute";

    public static EventJsonModel Parse(INamedTypeSymbol payload, AttributeData attribute, IAssemblySymbol assembly, CancellationToken cancellationToken)
    {
        if (JsonContext(attribute) is { } context)
        {
            return IsSerializerContext(context)
                ? new EventJsonModel(SymbolNames.Fqn(context), true, EquatableArray<JsonTypeModel>.Empty)
                : EventJsonModel.Unsupported;
        }

        var graph = PayloadTypeWalker.Walk(payload, assembly, cancellationToken);
        return graph.Problems.Count > 0
            ? EventJsonModel.Unsupported
            : new EventJsonModel(null, true, graph.Types.ToEquatableArray(), EffectiveNamingPolicy(attribute, assembly));
    }

    /// <summary>
    /// The <c>JsonKnownNamingPolicy</c> member named by <c>[Event(..., JsonNaming = ...)]</c>, e.g. <c>CamelCase</c>, which is
    /// also the name of the <c>JsonNamingPolicy</c> property that applies it; null when unspecified.
    /// </summary>
    public static string? NamingPolicy(AttributeData attribute) =>
        PolicyName(attribute.NamedArguments.FirstOrDefault(static a => a.Key == JsonNamingProperty).Value);

    /// <summary>The event's own <c>JsonNaming</c> when it sets one (<c>Unspecified</c> included), else the assembly's <c>[EventJsonNaming]</c>.</summary>
    public static string? EffectiveNamingPolicy(AttributeData attribute, IAssemblySymbol assembly)
    {
        if (attribute.NamedArguments.Any(static a => a.Key == JsonNamingProperty))
        {
            return NamingPolicy(attribute);
        }

        return assembly.GetAttributes().FirstOrDefault(static a => a.AttributeClass?.ToDisplayString() == KnownNames.EventJsonNamingAttribute) is { ConstructorArguments.Length: 1 } assemblyDefault
            ? PolicyName(assemblyDefault.ConstructorArguments[0])
            : null;
    }

    private static string? PolicyName(TypedConstant naming)
    {
        if (naming.Kind != TypedConstantKind.Enum || naming.Type is null)
        {
            return null;
        }

        var name = naming.Type.GetMembers()
            .OfType<IFieldSymbol>()
            .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, naming.Value))?.Name;
        return name is null or "Unspecified" ? null : name;
    }

    /// <summary>The type named by <c>[Event(..., JsonContext = typeof(...))]</c>, or null.</summary>
    public static INamedTypeSymbol? JsonContext(AttributeData attribute) =>
        attribute.NamedArguments.FirstOrDefault(static a => a.Key == JsonContextProperty).Value.Value as INamedTypeSymbol;

    /// <summary>Whether <paramref name="context"/> lists <paramref name="payload"/> in a <c>[JsonSerializable(typeof(...))]</c>, so its <c>Default</c> can serialize it.</summary>
    public static bool Lists(INamedTypeSymbol context, ITypeSymbol payload) =>
        context.GetAttributes().Any(a =>
            a.AttributeClass?.ToDisplayString() == JsonSerializableAttribute &&
            a.ConstructorArguments.Length == 1 &&
            a.ConstructorArguments[0].Value is ITypeSymbol listed &&
            SymbolEqualityComparer.Default.Equals(listed, payload));

    /// <summary>Whether <paramref name="context"/> derives from <c>JsonSerializerContext</c>, so its generated <c>Default</c> can be used.</summary>
    public static bool IsSerializerContext(INamedTypeSymbol context)
    {
        for (var current = context.BaseType; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == JsonKnownTypes.JsonSerializerContext)
            {
                return true;
            }
        }

        return false;
    }
}
