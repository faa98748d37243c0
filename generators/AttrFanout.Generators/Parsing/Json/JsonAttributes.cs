using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing.Json;

/// <summary>Reads the System.Text.Json attributes the generated metadata honors, and finds those it does not.</summary>
internal static class JsonAttributes
{
    public static AttributeData? Find(ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == metadataName);

    public static bool Has(ISymbol symbol, string metadataName) => Find(symbol, metadataName) is not null;

    /// <summary>The first attribute on <paramref name="symbol"/> that changes the JSON in a way the generated metadata does not reproduce.</summary>
    public static string? FirstUnsupported(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
            {
                if (JsonKnownTypes.UnsupportedAttributes.TryGetValue(type.ToDisplayString(), out var display))
                {
                    return display;
                }
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="type"/> carries <c>[JsonConverter(typeof(JsonStringEnumConverter))]</c> or <c>JsonStringEnumConverter&lt;T&gt;</c>.</summary>
    public static bool IsStringEnum(INamedTypeSymbol type) =>
        Find(type, JsonKnownTypes.JsonConverter) is { ConstructorArguments.Length: 1 } attribute &&
        attribute.ConstructorArguments[0].Value is INamedTypeSymbol converter &&
        converter.OriginalDefinition.ToDisplayString() is var name &&
        (name == JsonKnownTypes.StringEnumConverter || name.StartsWith(JsonKnownTypes.StringEnumConverter + "<", StringComparison.Ordinal));

    /// <summary>The member's <c>[JsonPropertyOrder]</c>, or 0 (where System.Text.Json puts unordered members).</summary>
    public static int Order(ISymbol member) =>
        Find(member, JsonKnownTypes.JsonPropertyOrder) is { ConstructorArguments.Length: 1 } attribute && attribute.ConstructorArguments[0].Value is int order ? order : 0;

    public static string? PropertyName(ISymbol member) =>
        Find(member, JsonKnownTypes.JsonPropertyName) is { ConstructorArguments.Length: 1 } attribute ? attribute.ConstructorArguments[0].Value as string : null;

    /// <summary>Whether <c>[JsonIgnore]</c> drops the member entirely, and otherwise its condition's member name (e.g. <c>WhenWritingNull</c>), or null.</summary>
    public static (bool Always, string? Condition) Ignore(ISymbol member)
    {
        if (Find(member, JsonKnownTypes.JsonIgnore) is not { } attribute)
        {
            return (false, null);
        }

        var condition = attribute.NamedArguments.FirstOrDefault(static a => a.Key == "Condition").Value;
        if (condition.Kind != TypedConstantKind.Enum || condition.Type is null)
        {
            return (true, null);
        }

        var name = condition.Type.GetMembers()
            .OfType<IFieldSymbol>()
            .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, condition.Value))?.Name;
        return name switch
        {
            null or "Always" => (true, null),
            "Never" => (false, null),
            _ => (false, name),
        };
    }
}
