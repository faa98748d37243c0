namespace AttrFanout.Generators.Model.Json;

/// <summary>How one event's payload is serialized.</summary>
/// <param name="ContextFqn">The <c>JsonSerializerContext</c> named by <c>[Event(JsonContext = ...)]</c>, or null.</param>
/// <param name="IsSupported">Whether the generator handles every type reachable from the payload (false: AF0011, no serializer).</param>
/// <param name="Types">The payload type and every type reachable from its members, sorted; empty with a context or when unsupported.</param>
internal sealed record EventJsonModel(string? ContextFqn, bool IsSupported, EquatableArray<JsonTypeModel> Types)
{
    public static readonly EventJsonModel Unsupported = new(null, false, EquatableArray<JsonTypeModel>.Empty);

    public bool UsesGeneratedResolver => ContextFqn is null && IsSupported;
}
