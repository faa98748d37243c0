using AttrFanout.Generators.Model.Json;

namespace AttrFanout.Generators.Parsing.Json;

/// <summary>The types the generated JSON metadata handles by name: built-in converters, collections and System.Text.Json attributes.</summary>
internal static class JsonKnownTypes
{
    public const string JsonPropertyName = "System.Text.Json.Serialization.JsonPropertyNameAttribute";
    public const string JsonPropertyOrder = "System.Text.Json.Serialization.JsonPropertyOrderAttribute";
    public const string JsonIgnore = "System.Text.Json.Serialization.JsonIgnoreAttribute";
    public const string JsonRequired = "System.Text.Json.Serialization.JsonRequiredAttribute";
    public const string JsonInclude = "System.Text.Json.Serialization.JsonIncludeAttribute";
    public const string JsonConstructor = "System.Text.Json.Serialization.JsonConstructorAttribute";
    public const string SetsRequiredMembers = "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute";
    public const string JsonConverter = "System.Text.Json.Serialization.JsonConverterAttribute";
    public const string JsonSerializerContext = "System.Text.Json.Serialization.JsonSerializerContext";
    public const string StringEnumConverter = "System.Text.Json.Serialization.JsonStringEnumConverter";

    /// <summary>Marks an enum model written as strings: <c>[JsonConverter(typeof(JsonStringEnumConverter))]</c> or its generic form on the enum.</summary>
    public const string StringEnum = "JsonStringEnumConverter";

    /// <summary>Attributes that change the JSON in ways the generated metadata does not reproduce.</summary>
    public static readonly IReadOnlyDictionary<string, string> UnsupportedAttributes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["System.Text.Json.Serialization.JsonConverterAttribute"] = "[JsonConverter]",
        ["System.Text.Json.Serialization.JsonExtensionDataAttribute"] = "[JsonExtensionData]",
        ["System.Text.Json.Serialization.JsonNumberHandlingAttribute"] = "[JsonNumberHandling]",
        ["System.Text.Json.Serialization.JsonPolymorphicAttribute"] = "[JsonPolymorphic]",
        ["System.Text.Json.Serialization.JsonDerivedTypeAttribute"] = "[JsonDerivedType]",
        ["System.Text.Json.Serialization.JsonObjectCreationHandlingAttribute"] = "[JsonObjectCreationHandling]",
        ["System.Text.Json.Serialization.JsonUnmappedMemberHandlingAttribute"] = "[JsonUnmappedMemberHandling]",
    };

    /// <summary>Types with a built-in <c>JsonMetadataServices</c> converter, by full metadata name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Converters = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["System.Boolean"] = "BooleanConverter",
        ["System.Byte"] = "ByteConverter",
        ["System.SByte"] = "SByteConverter",
        ["System.Char"] = "CharConverter",
        ["System.Int16"] = "Int16Converter",
        ["System.UInt16"] = "UInt16Converter",
        ["System.Int32"] = "Int32Converter",
        ["System.UInt32"] = "UInt32Converter",
        ["System.Int64"] = "Int64Converter",
        ["System.UInt64"] = "UInt64Converter",
        ["System.Int128"] = "Int128Converter",
        ["System.UInt128"] = "UInt128Converter",
        ["System.Half"] = "HalfConverter",
        ["System.Single"] = "SingleConverter",
        ["System.Double"] = "DoubleConverter",
        ["System.Decimal"] = "DecimalConverter",
        ["System.String"] = "StringConverter",
        ["System.Guid"] = "GuidConverter",
        ["System.DateTime"] = "DateTimeConverter",
        ["System.DateTimeOffset"] = "DateTimeOffsetConverter",
        ["System.TimeSpan"] = "TimeSpanConverter",
        ["System.DateOnly"] = "DateOnlyConverter",
        ["System.TimeOnly"] = "TimeOnlyConverter",
        ["System.Uri"] = "UriConverter",
        ["System.Version"] = "VersionConverter",
        ["System.Text.Json.JsonElement"] = "JsonElementConverter",
        ["System.Text.Json.JsonDocument"] = "JsonDocumentConverter",
        ["System.Text.Json.Nodes.JsonNode"] = "JsonNodeConverter",
        ["System.Text.Json.Nodes.JsonObject"] = "JsonObjectConverter",
        ["System.Text.Json.Nodes.JsonArray"] = "JsonArrayConverter",
        ["System.Text.Json.Nodes.JsonValue"] = "JsonValueConverter",
    };

    public const string ByteArrayConverter = "ByteArrayConverter";

    /// <summary>Generic collections, by the metadata name of their definition: the kind, and the concrete type deserialization fills (null: the converter picks it).</summary>
    public static readonly IReadOnlyDictionary<string, (JsonTypeKind Kind, string? Creator)> Collections = new Dictionary<string, (JsonTypeKind, string?)>(StringComparer.Ordinal)
    {
        ["System.Collections.Generic.List`1"] = (JsonTypeKind.List, "global::System.Collections.Generic.List"),
        ["System.Collections.Generic.IList`1"] = (JsonTypeKind.IList, "global::System.Collections.Generic.List"),
        ["System.Collections.Generic.ICollection`1"] = (JsonTypeKind.ICollection, "global::System.Collections.Generic.List"),
        ["System.Collections.Generic.IEnumerable`1"] = (JsonTypeKind.IEnumerable, null),
        ["System.Collections.Generic.IReadOnlyList`1"] = (JsonTypeKind.IEnumerable, null),
        ["System.Collections.Generic.IReadOnlyCollection`1"] = (JsonTypeKind.IEnumerable, null),
        ["System.Collections.Generic.HashSet`1"] = (JsonTypeKind.Set, "global::System.Collections.Generic.HashSet"),
        ["System.Collections.Generic.ISet`1"] = (JsonTypeKind.Set, "global::System.Collections.Generic.HashSet"),
        ["System.Collections.Generic.Dictionary`2"] = (JsonTypeKind.Dictionary, "global::System.Collections.Generic.Dictionary"),
        ["System.Collections.Generic.IDictionary`2"] = (JsonTypeKind.IDictionary, "global::System.Collections.Generic.Dictionary"),
        ["System.Collections.Generic.IReadOnlyDictionary`2"] = (JsonTypeKind.IReadOnlyDictionary, null),
    };

    public const string SupportedCollections =
        "T[], List<T>, IList<T>, ICollection<T>, IEnumerable<T>, IReadOnlyList<T>, IReadOnlyCollection<T>, HashSet<T>, ISet<T>, " +
        "Dictionary<string, T>, IDictionary<string, T> or IReadOnlyDictionary<string, T>";
}
