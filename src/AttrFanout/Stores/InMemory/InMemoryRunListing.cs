namespace AttrFanout.Stores.InMemory;

/// <summary>
/// Lists and counts the in-memory store's runs and events from its run index, most recently created first: an event's
/// runs by its sequence then their place in it, a replay by the sequence it was given when created. The index keeps a
/// bounded number of succeeded runs, so a listing says when older ones may be gone.
/// </summary>
internal static class InMemoryRunListing
{
    private static readonly ListingGap SucceededForgotten = new(
        ListingGapKind.OldestForgotten,
        "older succeeded runs are forgotten in memory (beyond the latest runs kept, or once their event's idempotency window ended)",
        [RunStatus.Succeeded]);

    private static readonly ListingGap EventsForgotten = new(
        ListingGapKind.OldestForgotten,
        "older events whose runs all succeeded are forgotten in memory",
        []);

    private static readonly ListingGap EventsWithoutRuns = new(
        ListingGapKind.NotKept,
        "events that started no run are not kept in memory",
        []);

    public static RunPage Runs(InMemoryRunIndex index, RunQuery query)
    {
        var after = PageCursor.Decode(query.Cursor);
        var found = new List<(PageCursor Place, InMemoryRun Run)>();
        foreach (var (place, run) in Placed(index))
        {
            if ((after is not { } cursor || IsBefore(place, cursor)) && MayMatch(run, query))
            {
                found.Add((place, run));
            }
        }

        found.Sort(static (a, b) => Compare(b.Place, a.Place));
        var runs = new List<FunctionRun>(Math.Min(found.Count, query.Limit));
        string? next = null;
        PageCursor last = default;
        foreach (var (place, run) in found)
        {
            var shown = run.ToFunctionRun();
            if (!query.Matches(shown))
            {
                continue;
            }

            if (runs.Count == query.Limit)
            {
                next = last.Encode();
                break;
            }

            runs.Add(shown);
            last = place;
        }

        return new RunPage
        {
            Runs = runs,
            NextCursor = next,
            Incomplete = query.Includes(RunStatus.Succeeded) && index.HasForgotten ? [SucceededForgotten] : [],
        };
    }

    public static EventPage Events(InMemoryRunIndex index, EventQuery query)
    {
        var after = PageCursor.Decode(query.Cursor);
        var found = new List<InMemoryRun[]>();
        var seen = new HashSet<ulong>();
        foreach (var runs in index.Events())
        {
            var sequence = runs[0].Sequence;
            var evt = runs[0].Event;
            if (seen.Add(sequence) && (after is not { } cursor || (long)sequence < cursor.Position) && query.Matches(evt.Id, evt.Name, evt.Timestamp))
            {
                found.Add(runs);
            }
        }

        found.Sort(static (a, b) => b[0].Sequence.CompareTo(a[0].Sequence));
        var page = found.Take(query.Limit).ToArray();
        var replays = index.Replays.Count == 0 ? null : index.Replays.ToLookup(static r => r.Event.Id, StringComparer.Ordinal);
        var events = page.Select(runs => new EventRecord
        {
            Id = runs[0].Event.Id,
            Name = runs[0].Event.Name,
            Timestamp = runs[0].Event.Timestamp,
            Runs = [.. runs.Select(static r => r.ToFunctionRun()), .. replays is null ? [] : replays[runs[0].Event.Id].OrderBy(static r => r.ReplaySequence).Select(static r => r.ToFunctionRun())],
        }).ToArray();

        List<ListingGap> gaps = [];
        if (index.HasForgotten)
        {
            gaps.Add(EventsForgotten);
        }

        if (index.HasDroppedEventsWithoutRuns)
        {
            gaps.Add(EventsWithoutRuns);
        }

        return new EventPage
        {
            Events = events,
            NextCursor = found.Count > page.Length ? new PageCursor((long)page[^1][0].Sequence, 0).Encode() : null,
            Incomplete = gaps,
        };
    }

    public static RunCounts Counts(InMemoryRunIndex index)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (_, run) in Placed(index))
        {
            if (!counts.TryGetValue(run.FunctionId, out var byStatus))
            {
                counts[run.FunctionId] = byStatus = new int[(int)RunStatus.Cancelled + 1];
            }

            var status = run.Status;
            if (status != RunStatus.Failed || !run.IsReplayed)
            {
                byStatus[(int)status]++;
            }
        }

        return new RunCounts
        {
            Functions = [.. counts.Select(static c => FunctionRunCounts.FromStatusCounts(c.Key, c.Value))],
            Incomplete = index.HasForgotten ? [SucceededForgotten] : [],
        };
    }

    /// <summary>Every run the index keeps, once each, with its place in the listing order.</summary>
    private static IEnumerable<(PageCursor Place, InMemoryRun Run)> Placed(InMemoryRunIndex index)
    {
        var seen = new HashSet<ulong>();
        foreach (var runs in index.Events())
        {
            var sequence = runs[0].Sequence;
            if (!seen.Add(sequence))
            {
                continue;
            }

            for (var i = 0; i < runs.Length; i++)
            {
                yield return (new PageCursor((long)sequence, i), Volatile.Read(ref runs[i]));
            }
        }

        foreach (var replay in index.Replays)
        {
            yield return (new PageCursor((long)replay.ReplaySequence, 0), replay);
        }
    }

    /// <summary>Whether a run's fields it can read without its lock may match (its status is checked again once shown).</summary>
    private static bool MayMatch(InMemoryRun run, RunQuery query) =>
        query.Includes(run.Status)
        && (query.FunctionId is null || string.Equals(run.FunctionId, query.FunctionId, StringComparison.Ordinal))
        && (query.EventName is null || string.Equals(run.Event.Name, query.EventName, StringComparison.Ordinal))
        && (query.EventId is null || string.Equals(run.Event.Id, query.EventId, StringComparison.Ordinal))
        && (query.CreatedFrom is null || run.Created >= query.CreatedFrom)
        && (query.CreatedBefore is null || run.Created < query.CreatedBefore);

    private static bool IsBefore(PageCursor place, PageCursor cursor) => Compare(place, cursor) < 0;

    private static int Compare(PageCursor a, PageCursor b) =>
        a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.Tiebreak.CompareTo(b.Tiebreak);
}
