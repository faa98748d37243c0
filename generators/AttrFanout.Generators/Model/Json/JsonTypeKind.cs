namespace AttrFanout.Generators.Model.Json;

/// <summary>How a type's JSON metadata is built: each kind maps to one <c>JsonMetadataServices</c> factory.</summary>
internal enum JsonTypeKind
{
    /// <summary>A built-in converter, e.g. <c>JsonMetadataServices.Int32Converter</c>.</summary>
    Value,

    /// <summary><c>GetEnumConverter&lt;T&gt;</c>: numbers, as System.Text.Json writes enums by default; or <c>JsonStringEnumConverter&lt;T&gt;</c> when the enum asks for strings.</summary>
    Enum,

    /// <summary><c>GetNullableConverter&lt;T&gt;</c> over the underlying type.</summary>
    Nullable,

    /// <summary><c>T[]</c>: <c>CreateArrayInfo</c>.</summary>
    Array,

    /// <summary><c>List&lt;T&gt;</c>: <c>CreateListInfo</c>.</summary>
    List,

    /// <summary><c>IList&lt;T&gt;</c>: <c>CreateIListInfo</c>, filled as a <c>List&lt;T&gt;</c>.</summary>
    IList,

    /// <summary><c>ICollection&lt;T&gt;</c>: <c>CreateICollectionInfo</c>, filled as a <c>List&lt;T&gt;</c>.</summary>
    ICollection,

    /// <summary><c>IEnumerable&lt;T&gt;</c>, <c>IReadOnlyList&lt;T&gt;</c>, <c>IReadOnlyCollection&lt;T&gt;</c>: <c>CreateIEnumerableInfo</c>.</summary>
    IEnumerable,

    /// <summary><c>HashSet&lt;T&gt;</c>, <c>ISet&lt;T&gt;</c>: <c>CreateISetInfo</c>, filled as a <c>HashSet&lt;T&gt;</c>.</summary>
    Set,

    /// <summary><c>Dictionary&lt;TKey, TValue&gt;</c>: <c>CreateDictionaryInfo</c>.</summary>
    Dictionary,

    /// <summary><c>IDictionary&lt;TKey, TValue&gt;</c>, <c>SortedDictionary</c>, <c>SortedList</c>: <c>CreateIDictionaryInfo</c>, filled as the creator type.</summary>
    IDictionary,

    /// <summary><c>IReadOnlyDictionary&lt;TKey, TValue&gt;</c>: <c>CreateIReadOnlyDictionaryInfo</c>.</summary>
    IReadOnlyDictionary,

    /// <summary>A class, record or struct: <c>CreateObjectInfo</c> with its properties and constructor.</summary>
    Object,

    /// <summary><c>Queue&lt;T&gt;</c>: <c>CreateQueueInfo</c>.</summary>
    Queue,

    /// <summary><c>Stack&lt;T&gt;</c>: <c>CreateStackInfo</c> (written top first, as System.Text.Json does).</summary>
    Stack,

    /// <summary><c>ImmutableArray&lt;T&gt;</c>, <c>ImmutableList&lt;T&gt;</c> and the other immutable sequences: <c>CreateImmutableEnumerableInfo</c> with their <c>CreateRange</c>.</summary>
    ImmutableEnumerable,

    /// <summary><c>ImmutableDictionary&lt;TKey, TValue&gt;</c> and <c>ImmutableSortedDictionary</c>: <c>CreateImmutableDictionaryInfo</c> with their <c>CreateRange</c>.</summary>
    ImmutableDictionary,

    /// <summary>A type carrying <c>[JsonConverter(typeof(X))]</c>: <c>CreateValueInfo</c> with a new <c>X</c>, expanded when it is a factory.</summary>
    Converted,
}
