namespace AttrFanout.Engine;

/// <summary>
/// How soon a run held back by a full concurrency limit or an active singleton is looked at again: one second at first,
/// growing with the time the run has waited since it was created (a quarter of it) up to five seconds. It needs no state
/// kept per run, so every process sharing a store agrees.
/// </summary>
internal static class FlowRecheck
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(5);

    public static TimeSpan After(TimeSpan waited)
    {
        var grown = waited / 4;
        return grown < First ? First : grown > Longest ? Longest : grown;
    }
}
