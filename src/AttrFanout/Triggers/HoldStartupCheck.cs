using AttrFanout.Stores;

namespace AttrFanout.Triggers;

/// <summary>Refuses to start debounces and batches on a store that has no place to hold their events.</summary>
internal static class HoldStartupCheck
{
    /// <exception cref="AttrFanoutConfigurationException">A function has a debounce or a batch, and the store keeps no holds.</exception>
    public static void Check(IReadOnlyList<FunctionDescriptor> functions, IFanoutStore store)
    {
        var held = functions.Where(static f => HoldRule.For(f) is not null).ToArray();
        if (held.Length == 0 || store.Holds is not null)
        {
            return;
        }

        var names = string.Join(", ", held.Select(static f => $"'{f.Id}' ({f.Handler})"));
        throw new AttrFanoutConfigurationException(
            $"The store {store.GetType().Name} cannot hold events, but these functions have [Debounce] or [Batch]: {names}. Use a store that holds events (in memory, SQLite, NATS JetStream) or remove the attributes.");
    }
}
