namespace AttrFanout.Generators.Model.Json;

/// <summary>The assembly's JSON resolver: every type reachable from the payloads it serializes, once each, sorted.</summary>
internal sealed record JsonResolverModel(AssemblyModel Assembly, EquatableArray<JsonTypeModel> Types)
{
    public static JsonResolverModel From(AssemblyModel assembly, IEnumerable<EventModel> events) =>
        new(
            assembly,
            events
                .Where(static e => e.IsRegistered && e.Json.UsesGeneratedResolver)
                .SelectMany(static e => e.Json.Types)
                .GroupBy(static t => t.Fqn, StringComparer.Ordinal)
                .Select(static g => g.First())
                .OrderBy(static t => t.Fqn, StringComparer.Ordinal)
                .ToEquatableArray());
}
