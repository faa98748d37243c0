using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing.Json;

/// <summary>Reads the System.Text.Json attributes the generated metadata honors, and finds those it does not.</summary>
internal static class JsonAttributes
{
    public static AttributeData? Find(ISymbol symbol, string metadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == metadataName)
            {
                return attribute;
            }
        }

        return null;
    }

    public static bool Has(ISymbol symbol, string metadataName) => Find(symbol, metadataName) is not null;

    /// <summary>The first attribute on <paramref name="symbol"/> that changes the JSON in a way the generated metadata does not reproduce.</summary>
    public static string? FirstUnsupported(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == JsonKnownTypes.JsonConverter)
            {
                continue; // [JsonConverter(typeof(X))] itself: see Converter.
            }

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

    /// <summary>The converter type of a <c>[JsonConverter(typeof(X))]</c> on <paramref name="symbol"/>, or null.</summary>
    public static INamedTypeSymbol? Converter(ISymbol symbol) =>
        Find(symbol, JsonKnownTypes.JsonConverter) is { ConstructorArguments.Length: 1 } attribute ? attribute.ConstructorArguments[0].Value as INamedTypeSymbol : null;

    /// <summary>Why the generated code cannot create <paramref name="converter"/> with <c>new</c>, or null when it can.</summary>
    public static string? ConverterProblem(INamedTypeSymbol converter, Func<INamedTypeSymbol, bool> isAccessible)
    {
        var name = converter.ToDisplayString();
        if (!DerivesFrom(converter, JsonKnownTypes.JsonConverterType))
        {
            return $"its [JsonConverter] type '{name}' does not derive from JsonConverter";
        }

        if (converter.IsAbstract || converter.IsUnboundGenericType || converter.TypeKind != TypeKind.Class)
        {
            return $"its [JsonConverter] type '{name}' cannot be created";
        }

        if (!converter.InstanceConstructors.Any(static c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public))
        {
            return $"its [JsonConverter] type '{name}' has no public parameterless constructor";
        }

        return isAccessible(converter) ? null : $"its [JsonConverter] type '{name}' is not accessible from the generated code";
    }

    /// <summary>
    /// The converter the generated code creates for a member of <paramref name="memberType"/>: <paramref name="converter"/>,
    /// except the non-generic <c>JsonStringEnumConverter</c>, replaced by its generic form, which needs no reflection.
    /// </summary>
    public static string ConverterFor(INamedTypeSymbol converter, ITypeSymbol memberType) =>
        converter.ToDisplayString() == JsonKnownTypes.StringEnumConverter && memberType.TypeKind == TypeKind.Enum
            ? $"global::{JsonKnownTypes.StringEnumConverter}<{SymbolNames.Fqn(memberType)}>"
            : SymbolNames.Fqn(converter);

    /// <summary>The <c>[JsonNumberHandling]</c> of <paramref name="symbol"/> as a C# expression, e.g. <c>JsonNumberHandling.WriteAsString</c>, or null.</summary>
    public static string? NumberHandling(ISymbol symbol)
    {
        if (Find(symbol, JsonKnownTypes.JsonNumberHandling) is not { ConstructorArguments.Length: 1 } attribute ||
            attribute.ConstructorArguments[0] is not { Type: { } type, Value: int value })
        {
            return null;
        }

        var names = type.GetMembers()
            .OfType<IFieldSymbol>()
            .Where(f => f.ConstantValue is int flag && flag != 0 && (value & flag) == flag)
            .Select(static f => $"global::System.Text.Json.Serialization.JsonNumberHandling.{f.Name}")
            .ToList();
        return names.Count == 0 ? "global::System.Text.Json.Serialization.JsonNumberHandling.Strict" : string.Join(" | ", names);
    }

    /// <summary>The <c>[JsonObjectCreationHandling]</c> of <paramref name="symbol"/> as a C# expression, e.g. <c>JsonObjectCreationHandling.Populate</c>, or null.</summary>
    public static string? CreationHandling(ISymbol symbol) => EnumArgument(symbol, JsonKnownTypes.JsonObjectCreationHandling, "JsonObjectCreationHandling");

    /// <summary>The <c>[JsonUnmappedMemberHandling]</c> of <paramref name="type"/> as a C# expression, e.g. <c>JsonUnmappedMemberHandling.Disallow</c>, or null.</summary>
    public static string? UnmappedMemberHandling(ISymbol type) => EnumArgument(type, JsonKnownTypes.JsonUnmappedMemberHandling, "JsonUnmappedMemberHandling");

    private static string? EnumArgument(ISymbol symbol, string attributeName, string enumName)
    {
        if (Find(symbol, attributeName) is not { ConstructorArguments.Length: 1 } attribute ||
            attribute.ConstructorArguments[0] is not { Type: { } type, Value: { } value })
        {
            return null;
        }

        var name = type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value))?.Name;
        return name is null ? null : $"global::System.Text.Json.Serialization.{enumName}.{name}";
    }

    /// <summary>Whether System.Text.Json fills <paramref name="member"/> in place when reading: <c>Populate</c> on it, or on its type without <c>Replace</c> on it.</summary>
    public static bool IsPopulated(ISymbol member) =>
        (CreationHandling(member) ?? CreationHandling(member.ContainingType))?.EndsWith(".Populate", StringComparison.Ordinal) == true;

    private static bool DerivesFrom(INamedTypeSymbol type, string baseName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.OriginalDefinition.ToDisplayString() == baseName || current.OriginalDefinition.ToDisplayString().StartsWith(baseName + "<", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The types named by the <c>[JsonDerivedType]</c> attributes of <paramref name="type"/>, in declaration order.</summary>
    public static IReadOnlyList<ITypeSymbol> DerivedTypes(INamedTypeSymbol type) =>
        type.GetAttributes()
            .Where(static a => a.AttributeClass?.ToDisplayString() == JsonKnownTypes.JsonDerivedType && a.ConstructorArguments.Length > 0)
            .Select(static a => a.ConstructorArguments[0].Value)
            .OfType<ITypeSymbol>()
            .ToList();

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
