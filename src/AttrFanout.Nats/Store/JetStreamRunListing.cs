using AttrFanout.Nats.DeadLetters;
using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Retries;
using AttrFanout.Stores;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Store;

/// <summary>
/// Lists and counts what JetStream can know of runs: failed ones (the dead-letter stream), ones waiting for a retry (the
/// retry bucket), ones this process executes, and how many wait in each function's consumers (their pending and
/// unacknowledged counts). Succeeded runs leave the stream under interest retention, so every answer that could hold
/// them says they are not kept. A run is placed by the event stream sequence its Id carries (or its message's), then
/// by its function.
/// </summary>
internal sealed class JetStreamRunListing(IReadOnlyDictionary<string, FunctionSubscription> functions, TimeProvider time)
{
    /// <summary>The most waiting runs one listing reads from the retry bucket; beyond, the listing says how many it left out.</summary>
    internal const int MostWaitingRead = 2_000;

    private static readonly ListingGap SucceededNotKept = new(
        ListingGapKind.NotKept,
        "succeeded runs are not kept by JetStream: an event leaves the stream once every function acknowledged it (interest retention)",
        [RunStatus.Succeeded]);

    private static readonly ListingGap EndedByFlowControlNotKept = new(
        ListingGapKind.NotKept,
        "skipped and cancelled runs are not kept by JetStream",
        [RunStatus.Skipped, RunStatus.Cancelled]);

    private static readonly ListingGap EventsNotKept = new(
        ListingGapKind.NotKept,
        "events whose runs all ended are not kept by JetStream: an event is listed while the stream retains it or while one of its runs failed, waits for a retry or executes here; its runs still pending in the stream are not listed with it",
        [RunStatus.Pending]);

    private static readonly ListingGap OlderEventsNotRead = new(
        ListingGapKind.OldestForgotten,
        $"events the stream retains beyond its newest {RetainedEvents.MostPositionsRead} positions are not read",
        []);

    private readonly string[] _ordered = [.. functions.Keys.Order(StringComparer.Ordinal)];

    public async ValueTask<RunPage> RunsAsync(JetStreamSession session, RunQuery query, ICollection<InFlightRun> inFlight, CancellationToken cancellationToken)
    {
        var after = PageCursor.Decode(query.Cursor);
        var gathered = await GatherAsync(session, query.Includes, query.FunctionId, inFlight, cancellationToken).ConfigureAwait(false);
        var found = gathered.Runs
            .Where(r => query.Matches(r.Run) && (after is not { } cursor || Compare(r.Place, cursor) < 0))
            .OrderByDescending(static r => r.Place.Position).ThenByDescending(static r => r.Place.Tiebreak)
            .Take(query.Limit + 1)
            .ToList();
        var page = found.Take(query.Limit).ToArray();
        return new RunPage
        {
            Runs = [.. page.Select(static r => r.Run)],
            NextCursor = found.Count > query.Limit ? page[^1].Place.Encode() : null,
            Incomplete = await GapsAsync(session, query, inFlight, gathered.WaitingLeftOut, cancellationToken).ConfigureAwait(false),
        };
    }

    public async ValueTask<EventPage> EventsAsync(JetStreamSession session, EventQuery query, ICollection<InFlightRun> inFlight, CancellationToken cancellationToken)
    {
        var after = PageCursor.Decode(query.Cursor);
        var (retained, olderLeftOut) = await RetainedEvents.ReadAsync(session, cancellationToken).ConfigureAwait(false);
        var gathered = await GatherAsync(session, static _ => true, functionId: null, inFlight, cancellationToken).ConfigureAwait(false);
        var events = new Dictionary<string, KnownEvent>(StringComparer.Ordinal);
        foreach (var (sequence, wire) in retained)
        {
            events.TryAdd(wire.Id, new KnownEvent((long)sequence, wire.Name, wire.Timestamp));
        }

        foreach (var (place, run) in gathered.Runs)
        {
            if (run.EventId.Length == 0)
            {
                continue;
            }

            if (!events.TryGetValue(run.EventId, out var known))
            {
                events[run.EventId] = known = new KnownEvent(place.Position, run.EventName, run.CreatedAt);
            }

            known.Position = Math.Min(known.Position, place.Position);
            known.Runs.Add((place, run));
        }

        var found = events
            .Where(e => query.Matches(e.Key, e.Value.Name, e.Value.Timestamp) && (after is not { } cursor || e.Value.Position < cursor.Position))
            .OrderByDescending(static e => e.Value.Position)
            .Take(query.Limit + 1)
            .ToList();
        var page = found.Take(query.Limit).ToArray();
        List<ListingGap> gaps = [EventsNotKept, SucceededNotKept];
        if (olderLeftOut)
        {
            gaps.Add(OlderEventsNotRead);
        }

        if (gathered.WaitingLeftOut > 0)
        {
            gaps.Add(WaitingLeftOut(gathered.WaitingLeftOut));
        }

        return new EventPage
        {
            Events = [.. page.Select(static e => new EventRecord
            {
                Id = e.Key,
                Name = e.Value.Name,
                Timestamp = e.Value.Timestamp,
                Runs = [.. e.Value.Runs.OrderBy(static r => r.Place.Position).ThenBy(static r => r.Place.Tiebreak).Select(static r => r.Run)],
            })],
            NextCursor = found.Count > query.Limit ? new PageCursor(page[^1].Value.Position, 0).Encode() : null,
            Incomplete = gaps,
        };
    }

    public async ValueTask<RunCounts> CountsAsync(JetStreamSession session, CancellationToken cancellationToken)
    {
        var letters = await session.DeadLetterReader.ReadAllAsync(functionId: null, cancellationToken).ConfigureAwait(false);
        var failed = letters.Where(static l => l.ReplayedBy is null).CountBy(static l => l.FunctionId, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var counts = new List<FunctionRunCounts>(_ordered.Length);
        foreach (var functionId in _ordered)
        {
            var (pending, unacknowledged) = await ConsumerCountsAsync(session, functions[functionId], cancellationToken).ConfigureAwait(false);
            counts.Add(new FunctionRunCounts
            {
                FunctionId = functionId,
                Pending = pending,
                Running = unacknowledged,
                RetryScheduled = session.RetryTimer.WaitingOf(functionId),
                Failed = failed.GetValueOrDefault(functionId),
            });
        }

        return new RunCounts { Functions = counts, Incomplete = [SucceededNotKept, EndedByFlowControlNotKept] };
    }

    /// <summary>The runs JetStream can name, once each: those executing here, then those waiting for a retry, then the failed ones.</summary>
    private async ValueTask<(List<(PageCursor Place, FunctionRun Run)> Runs, int WaitingLeftOut)> GatherAsync(
        JetStreamSession session, Func<RunStatus, bool> includes, string? functionId, ICollection<InFlightRun> inFlight, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var runs = new List<(PageCursor, FunctionRun)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (includes(RunStatus.Running))
        {
            foreach (var running in inFlight)
            {
                if ((functionId is null || running.FunctionId == functionId) && seen.Add(running.RunId))
                {
                    runs.Add((Place(running.RunId, running.FunctionId, running.Message.StreamSequence), InFlightRuns.ToRun(running, now)));
                }
            }
        }

        var waitingLeftOut = 0;
        if (includes(RunStatus.RetryScheduled))
        {
            var keys = session.RetryTimer.WaitingKeys()
                .Where(k => RetryKey.TryParse(k, out var f, out _) && (functionId is null || f == functionId))
                .ToArray();
            waitingLeftOut = Math.Max(0, keys.Length - MostWaitingRead);
            foreach (var key in keys.Take(MostWaitingRead))
            {
                var (present, waiting) = await session.Retries.ReadAsync(key, cancellationToken).ConfigureAwait(false);
                if (present && waiting is not null && RetryKey.TryParse(key, out _, out var sequence) && seen.Add(waiting.RunId))
                {
                    runs.Add((Place(waiting.RunId, waiting.FunctionId, sequence), WaitingRuns.ToRun(waiting, key, now)));
                }
            }
        }

        if (includes(RunStatus.Failed))
        {
            foreach (var letter in await session.DeadLetterReader.ReadAllAsync(functionId, cancellationToken).ConfigureAwait(false))
            {
                if (seen.Add(letter.RunId))
                {
                    runs.Add((Place(letter.RunId, letter.FunctionId, letter.SourceSequence), FailedRuns.ToRun(letter)));
                }
            }
        }

        return (runs, waitingLeftOut);
    }

    private async ValueTask<List<ListingGap>> GapsAsync(JetStreamSession session, RunQuery query, ICollection<InFlightRun> inFlight, int waitingLeftOut, CancellationToken cancellationToken)
    {
        List<ListingGap> gaps = [];
        if (query.Includes(RunStatus.Succeeded))
        {
            gaps.Add(SucceededNotKept);
        }

        if (query.Includes(RunStatus.Skipped) || query.Includes(RunStatus.Cancelled))
        {
            gaps.Add(EndedByFlowControlNotKept);
        }

        if (waitingLeftOut > 0)
        {
            gaps.Add(WaitingLeftOut(waitingLeftOut));
        }

        if (!query.Includes(RunStatus.Pending) && !query.Includes(RunStatus.Running))
        {
            return gaps;
        }

        long pending = 0, unacknowledged = 0;
        foreach (var functionId in query.FunctionId is { } one ? (functions.ContainsKey(one) ? [one] : []) : _ordered)
        {
            var (p, u) = await ConsumerCountsAsync(session, functions[functionId], cancellationToken).ConfigureAwait(false);
            pending += p;
            unacknowledged += u;
        }

        var executingHere = inFlight.Count(r => query.FunctionId is null || r.FunctionId == query.FunctionId);
        if (query.Includes(RunStatus.Pending) && pending > 0)
        {
            gaps.Add(new ListingGap(
                ListingGapKind.CountedNotListed,
                $"{pending} run(s) waiting in the event stream for a worker are counted, not listed",
                [RunStatus.Pending]));
        }

        if (unacknowledged > executingHere)
        {
            gaps.Add(new ListingGap(
                ListingGapKind.OtherProcesses,
                $"{unacknowledged - executingHere} run(s) delivered and not yet acknowledged are not listed: executing in other processes, or held by a worker until it has a free slot",
                [RunStatus.Running, RunStatus.Pending]));
        }

        return gaps;
    }

    /// <summary>How many of the function's runs its consumers (one per trigger's events, replays) hold undelivered, and delivered but not acknowledged.</summary>
    private static async ValueTask<(int Pending, int Unacknowledged)> ConsumerCountsAsync(JetStreamSession session, FunctionSubscription function, CancellationToken cancellationToken)
    {
        long pending = 0, unacknowledged = 0;
        foreach (var consumer in function.TriggerConsumers.Append(ConsumerNames.Replay(function.FunctionId)))
        {
            try
            {
                var info = (await session.Js.GetConsumerAsync(session.Options.StreamName, consumer, cancellationToken).ConfigureAwait(false)).Info;
                pending += (long)info.NumPending;
                unacknowledged += info.NumAckPending;
            }
            catch (NatsJSApiException error) when (error.Error.Code == 404)
            {
                // Not provisioned (yet): it holds nothing.
            }
        }

        return ((int)Math.Min(pending, int.MaxValue), (int)Math.Min(unacknowledged, int.MaxValue));
    }

    private static ListingGap WaitingLeftOut(int count) => new(
        ListingGapKind.CountedNotListed,
        $"{count} more run(s) waiting for a retry are counted, not listed (one listing reads at most {MostWaitingRead} from the retry bucket)",
        [RunStatus.RetryScheduled]);

    /// <summary>A run's place: the event stream sequence its Id carries (else its message's), then its function's rank.</summary>
    private PageCursor Place(string runId, string functionId, ulong messageSequence)
    {
        var sequence = RunIds.TryParse(runId, out var parsed, out _) ? parsed : messageSequence;
        var rank = Array.BinarySearch(_ordered, functionId, StringComparer.Ordinal);
        return new PageCursor((long)sequence, rank >= 0 ? rank : _ordered.Length);
    }

    private static int Compare(PageCursor a, PageCursor b) =>
        a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.Tiebreak.CompareTo(b.Tiebreak);

    /// <summary>An event found in the stream or through one of its runs, placed by its earliest stream sequence.</summary>
    private sealed class KnownEvent(long position, string name, DateTimeOffset timestamp)
    {
        public long Position { get; set; } = position;

        public string Name { get; } = name;

        public DateTimeOffset Timestamp { get; } = timestamp;

        public List<(PageCursor Place, FunctionRun Run)> Runs { get; } = [];
    }
}
