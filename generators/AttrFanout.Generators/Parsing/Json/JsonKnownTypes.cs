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

    public const string JsonDerivedType = "System.Text.Json.Serialization.JsonDerivedTypeAttribute";
    public const string JsonPolymorphic = "System.Text.Json.Serialization.JsonPolymorphicAttribute";
    public const string JsonObjectCreationHandling = "System.Text.Json.Serialization.JsonObjectCreationHandlingAttribute";
    public const string JsonUnmappedMemberHandling = "System.Text.Json.Serialization.JsonUnmappedMemberHandlingAttribute";
    public const string JsonExtensionData = "System.Text.Json.Serialization.JsonExtensionDataAttribute";
    public const string JsonNumberHandling = "System.Text.Json.Serialization.JsonNumberHandlingAttribute";
    public const string JsonConverterType = "System.Text.Json.Serialization.JsonConverter";

    /// <summary>Attributes that change the JSON in ways the generated metadata does not reproduce.</summary>
    public static readonly IReadOnlyDictionary<string, string> UnsupportedAttributes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [JsonConverter] = "a [JsonConverter] subclass",
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
        ["System.Object"] = "ObjectConverter",
    };

    /// <summary>The types System.Text.Json writes as dictionary keys (as JSON property names), besides enums.</summary>
    public static readonly IReadOnlyCollection<string> DictionaryKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.String", "System.Boolean", "System.Byte", "System.SByte", "System.Char", "System.Int16", "System.UInt16",
        "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Int128", "System.UInt128", "System.Half",
        "System.Single", "System.Double", "System.Decimal", "System.Guid", "System.DateTime", "System.DateTimeOffset",
        "System.TimeSpan", "System.DateOnly", "System.TimeOnly", "System.Uri", "System.Version",
    };

    public const string ByteArrayConverter = "ByteArrayConverter";

    public const string KeyValuePair = "System.Collections.Generic.KeyValuePair`2";

    /// <summary>
    /// Generic collections, by the metadata name of their definition: the kind, and the concrete type deserialization fills
    /// (null: the converter picks it), or for immutable collections the <c>CreateRange</c> method that builds them.
    /// </summary>
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
        ["System.Collections.Generic.Queue`1"] = (JsonTypeKind.Queue, "global::System.Collections.Generic.Queue"),
        ["System.Collections.Generic.Stack`1"] = (JsonTypeKind.Stack, "global::System.Collections.Generic.Stack"),
        ["System.Collections.Generic.SortedSet`1"] = (JsonTypeKind.Set, "global::System.Collections.Generic.SortedSet"),
        ["System.Collections.Generic.LinkedList`1"] = (JsonTypeKind.ICollection, "global::System.Collections.Generic.LinkedList"),
        ["System.Collections.Generic.SortedDictionary`2"] = (JsonTypeKind.IDictionary, "global::System.Collections.Generic.SortedDictionary"),
        ["System.Collections.Generic.SortedList`2"] = (JsonTypeKind.IDictionary, "global::System.Collections.Generic.SortedList"),
        ["System.Collections.Concurrent.ConcurrentDictionary`2"] = (JsonTypeKind.IDictionary, "global::System.Collections.Concurrent.ConcurrentDictionary"),
        ["System.Collections.ObjectModel.Collection`1"] = (JsonTypeKind.IList, "global::System.Collections.ObjectModel.Collection"),
        ["System.Collections.ObjectModel.ObservableCollection`1"] = (JsonTypeKind.IList, "global::System.Collections.ObjectModel.ObservableCollection"),
        ["System.Collections.Immutable.ImmutableArray`1"] = (JsonTypeKind.ImmutableEnumerable, "global::System.Collections.Immutable.ImmutableArray.CreateRange"),
        ["System.Collections.Immutable.ImmutableList`1"] = (JsonTypeKind.ImmutableEnumerable, "global::System.Collections.Immutable.ImmutableList.CreateRange"),
        ["System.Collections.Immutable.IImmutableList`1"] = (JsonTypeKind.ImmutableEnumerable, "global::System.Collections.Immutable.ImmutableList.CreateRange"),
        ["System.Collections.Immutable.ImmutableHashSet`1"] = (JsonTypeKind.ImmutableEnumerable, "global::System.Collections.Immutable.ImmutableHashSet.CreateRange"),
        ["System.Collections.Immutable.IImmutableSet`1"] = (JsonTypeKind.ImmutableEnumerable, "global::System.Collections.Immutable.ImmutableHashSet.CreateRange"),
        ["System.Collections.Immutable.ImmutableSortedSet`1"] = (JsonTypeKind.ImmutableEnumerable, "global::System.Collections.Immutable.ImmutableSortedSet.CreateRange"),
        ["System.Collections.Immutable.ImmutableQueue`1"] = (JsonTypeKind.ImmutableEnumerable, "global::System.Collections.Immutable.ImmutableQueue.CreateRange"),
        ["System.Collections.Immutable.IImmutableQueue`1"] = (JsonTypeKind.ImmutableEnumerable, "global::System.Collections.Immutable.ImmutableQueue.CreateRange"),
        ["System.Collections.Immutable.ImmutableDictionary`2"] = (JsonTypeKind.ImmutableDictionary, "global::System.Collections.Immutable.ImmutableDictionary.CreateRange"),
        ["System.Collections.Immutable.IImmutableDictionary`2"] = (JsonTypeKind.ImmutableDictionary, "global::System.Collections.Immutable.ImmutableDictionary.CreateRange"),
        ["System.Collections.Immutable.ImmutableSortedDictionary`2"] = (JsonTypeKind.ImmutableDictionary, "global::System.Collections.Immutable.ImmutableSortedDictionary.CreateRange"),
    };

    /// <summary>Collections System.Text.Json writes but cannot read back, by the metadata name of their definition, with what to use instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> WriteOnlyCollections = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["System.Collections.Generic.IReadOnlySet`1"] = "ISet<T> or HashSet<T>",
    };

    public const string SupportedCollections =
        "T[], List<T>, IList<T>, ICollection<T>, IEnumerable<T>, IReadOnlyList<T>, IReadOnlyCollection<T>, HashSet<T>, ISet<T>, " +
        "Queue<T>, Stack<T>, an immutable collection, Dictionary<TKey, TValue>, IDictionary<TKey, TValue> " +
        "or IReadOnlyDictionary<TKey, TValue>";
}
