namespace AttrFanout.Generators.Model.Json;

/// <summary>How one event's payload is serialized.</summary>
/// <param name="ContextFqn">The <c>JsonSerializerContext</c> named by <c>[Event(JsonContext = ...)]</c>, or null.</param>
/// <param name="IsSupported">Whether the generator handles every type reachable from the payload (false: AF0011, no serializer).</param>
/// <param name="Types">The payload type and every type reachable from its members, sorted; empty with a context or when unsupported.</param>
/// <param name="NamingPolicy">The <c>JsonNamingPolicy</c> property from <c>[Event(JsonNaming = ...)]</c>, e.g. <c>CamelCase</c>, or null for C# names.</param>
internal sealed record EventJsonModel(string? ContextFqn, bool IsSupported, EquatableArray<JsonTypeModel> Types, string? NamingPolicy = null)
{
    public static readonly EventJsonModel Unsupported = new(null, false, EquatableArray<JsonTypeModel>.Empty);

    public bool UsesGeneratedResolver => ContextFqn is null && IsSupported;
}
