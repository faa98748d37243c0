namespace AttrFanout.Generators.Model.Json;

/// <summary>One type whose JSON metadata the resolver builds.</summary>
/// <param name="Fqn">The fully qualified type, as written in generated code.</param>
/// <param name="Kind">Which metadata factory builds it.</param>
/// <param name="Converter">
/// For <see cref="JsonTypeKind.Value"/>: the <c>JsonMetadataServices</c> converter property, e.g. <c>Int32Converter</c>;
/// for <see cref="JsonTypeKind.Enum"/>: <c>JsonStringEnumConverter</c> when the enum is written as strings, else null;
/// for <see cref="JsonTypeKind.Converted"/>: the converter type from <c>[JsonConverter]</c>.
/// </param>
/// <param name="ElementFqn">The element, dictionary value or nullable underlying type.</param>
/// <param name="CreatorFqn">The concrete collection to instantiate, or null when the converter creates it; for immutable collections, the <c>CreateRange</c> method.</param>
/// <param name="Object">For <see cref="JsonTypeKind.Object"/>: its members and constructor.</param>
/// <param name="KeyFqn">For dictionaries: the key type.</param>
internal sealed record JsonTypeModel(
    string Fqn,
    JsonTypeKind Kind,
    string? Converter,
    string? ElementFqn,
    string? CreatorFqn,
    JsonObjectModel? Object,
    string? KeyFqn = null);

/// <summary>How an object is created and which members it reads and writes.</summary>
/// <param name="IsValueType">Whether it is a struct, so setters write through the unboxed value.</param>
/// <param name="UsesParameters">Whether it is created from an argument array (a parameterized constructor, <c>required</c> members or <c>init</c> members).</param>
/// <param name="Properties">The serialized members in System.Text.Json's order before <c>[JsonPropertyOrder]</c> sorts them: each type's properties then fields, the payload type first, base types after.</param>
/// <param name="Parameters">The constructor parameters, then the member initializers.</param>
/// <param name="NumberHandling">The type's <c>[JsonNumberHandling]</c> as a C# expression, or null.</param>
/// <param name="IsAbstract">Whether it is an abstract <c>[JsonDerivedType]</c> base: no creator, its subtypes are read back instead.</param>
/// <param name="CreationHandling">The type's <c>[JsonObjectCreationHandling]</c> as a C# expression, or null.</param>
/// <param name="UnmappedMemberHandling">The type's <c>[JsonUnmappedMemberHandling]</c> as a C# expression, or null.</param>
internal sealed record JsonObjectModel(
    bool IsValueType,
    bool UsesParameters,
    EquatableArray<JsonPropertyModel> Properties,
    EquatableArray<JsonParameterModel> Parameters,
    string? NumberHandling = null,
    bool IsAbstract = false,
    string? CreationHandling = null,
    string? UnmappedMemberHandling = null);

/// <summary>One serialized property or field.</summary>
/// <param name="Name">The member name in C#.</param>
/// <param name="TypeFqn">The member type.</param>
/// <param name="DeclaringTypeFqn">The type that declares it.</param>
/// <param name="IsProperty">Whether it is a property (else a field).</param>
/// <param name="JsonName">The name from <c>[JsonPropertyName]</c>, or null for the C# name.</param>
/// <param name="HasSetter">Whether deserialization assigns it after construction.</param>
/// <param name="IgnoreCondition">A <c>JsonIgnoreCondition</c> member name from <c>[JsonIgnore(Condition = ...)]</c>, or null.</param>
/// <param name="IsRequired">Whether it is <c>required</c> or <c>[JsonRequired]</c>: missing from the JSON, deserialization fails.</param>
/// <param name="HasInitAccessor">Whether deserialization calls its non-public <c>init</c> or setter (<c>[JsonInclude]</c>) through an <c>[UnsafeAccessor]</c>, so a member missing from the JSON keeps its initializer's value (System.Text.Json's generator cannot set such a member at all).</param>
/// <param name="Order">Its <c>[JsonPropertyOrder]</c>, 0 without one; System.Text.Json sorts the members by it, stably, when any is not 0.</param>
/// <param name="Options">Its converter, number handling and extension data, or null when it has none of them.</param>
internal sealed record JsonPropertyModel(
    string Name,
    string TypeFqn,
    string DeclaringTypeFqn,
    bool IsProperty,
    string? JsonName,
    bool HasSetter,
    string? IgnoreCondition,
    bool IsRequired,
    bool HasInitAccessor,
    int Order,
    JsonMemberOptions? Options = null);

/// <summary>What a member's less common System.Text.Json attributes change; null on a member without any.</summary>
/// <param name="ConverterFqn">The converter type from the member's <c>[JsonConverter]</c>, created directly, or null.</param>
/// <param name="NumberHandling">The member's <c>[JsonNumberHandling]</c> as a C# expression, or null.</param>
/// <param name="IsExtensionData">Whether it is the <c>[JsonExtensionData]</c> dictionary that collects unknown members.</param>
/// <param name="CreationHandling">The member's <c>[JsonObjectCreationHandling]</c> as a C# expression, e.g. <c>JsonObjectCreationHandling.Populate</c>, or null.</param>
internal sealed record JsonMemberOptions(string? ConverterFqn, string? NumberHandling, bool IsExtensionData, string? CreationHandling = null);

/// <summary>One argument of an object's creator: a constructor parameter or a member initializer.</summary>
/// <param name="Name">The parameter or member name.</param>
/// <param name="TypeFqn">Its type.</param>
/// <param name="IsMemberInitializer">Whether it sets a <c>required</c> or <c>init</c> member in the object initializer (to default when the member is missing from the JSON).</param>
/// <param name="DefaultValue">The parameter's default value as a C# expression, or null when it has none.</param>
internal sealed record JsonParameterModel(
    string Name,
    string TypeFqn,
    bool IsMemberInitializer,
    string? DefaultValue);
