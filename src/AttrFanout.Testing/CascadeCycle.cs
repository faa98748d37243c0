namespace AttrFanout.Testing;

/// <summary>Finds the loop in a cascade that did not end: along the last event's chain, back to the first hop that repeats.</summary>
internal static class CascadeCycle
{
    /// <returns>Event names and function Ids alternating, from an event to its repetition by the same function; empty when none repeats.</returns>
    public static string Find(IReadOnlyList<ObservedEvent> events, IReadOnlyDictionary<string, FunctionRun> runs)
    {
        var startedBy = new Dictionary<string, ObservedEvent>(StringComparer.Ordinal);
        foreach (var accepted in events)
        {
            foreach (var runId in accepted.RunIds)
            {
                startedBy.TryAdd(runId, accepted);
            }
        }

        // Walking back: hop i is event e(i) sent by function f(i), whose run event e(i+1) started.
        var hops = new List<(string Event, string Function)>();
        var seen = new Dictionary<(string, string), int>();
        var current = events[^1];
        while (current.SentByRunId is { } runId && runs.TryGetValue(runId, out var sender) && startedBy.TryGetValue(runId, out var parent))
        {
            var hop = (current.EventName, sender.FunctionId);
            if (seen.TryGetValue(hop, out var first))
            {
                return Describe(hops, first, current.EventName);
            }

            seen[hop] = hops.Count;
            hops.Add(hop);
            current = parent;
        }

        return "";
    }

    private static string Describe(List<(string Event, string Function)> hops, int first, string repeatedFrom)
    {
        var parts = new List<string> { repeatedFrom };
        for (var i = hops.Count - 1; i >= first; i--)
        {
            parts.Add(hops[i].Function);
            parts.Add(hops[i].Event);
        }

        return string.Join(" → ", parts);
    }
}
