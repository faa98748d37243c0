namespace AttrFanout.Generators.Model;

/// <summary>Everything the module and registration emitters write, sorted so output is deterministic.</summary>
internal sealed record DispatchModel(
    AssemblyModel Assembly,
    EquatableArray<EventModel> Events,
    EquatableArray<FunctionModel> Functions)
{
    public bool HasModule => Events.Count > 0 || Functions.Count > 0;

    public static DispatchModel From(AssemblyModel assembly, IEnumerable<EventModel> events, IEnumerable<FunctionModel> functions) =>
        new(
            assembly,
            events.Where(static e => e.IsRegistered).OrderBy(static e => e.Name, StringComparer.Ordinal).ThenBy(static e => e.TypeFqn, StringComparer.Ordinal).ToEquatableArray(),
            functions
                .OrderBy(static f => f.SortEventName, StringComparer.Ordinal)
                .ThenBy(static f => f.Id, StringComparer.Ordinal)
                .ThenBy(static f => f.Handler, StringComparer.Ordinal)
                .ThenBy(static f => f.Trigger)
                .ToEquatableArray());
}
