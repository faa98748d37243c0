using System.Runtime.CompilerServices;

namespace AttrFanout.Stores.InMemory;

/// <summary>
/// Keeps events and runs in process memory: fast, bounded by <see cref="AttrFanoutOptions.QueueCapacity"/>, and lost on restart.
/// Only Ids chosen by senders are remembered for deduplication, so generated Ids cost no memory after their runs and
/// their sends take no store-wide lock. Succeeded runs are forgotten when their event's idempotency window ends, or
/// sooner beyond the latest <paramref name="succeededRunsKept"/> runs plus a full queue's worth (so runs still queued are
/// not moved aside); failed runs are kept for the life of the process.
/// A run whose retry is scheduled (or that flow control deferred) waits on a <see cref="TimeProvider"/> timer, outside the
/// queues, and is queued again when due. Flow control's shared state lives in <see cref="FlowControl"/>; idempotency keys
/// are taken under one lock with the acceptance; a cancelled run that waits is skipped when taken or when its timer fires.
/// </summary>
internal sealed class InMemoryFanoutStore(int queueCapacity, TimeProvider time, int succeededRunsKept = InMemoryFanoutStore.DefaultSucceededRunsKept) : IFanoutStore
{
    private readonly InMemoryRunQueues _queues = new();
    private readonly InMemoryRunIndex _runs = new(succeededRunsKept + queueCapacity);
    private readonly Lock _eventsGate = new();
    private readonly AcceptedEvents _events = new();
    private readonly Lock _timersGate = new();
    private readonly HashSet<ITimer> _redeliveries = [];
    private readonly Lock _idempotencyGate = new();
    private readonly InMemoryIdempotencyKeys _idempotencyKeys = new();
    private readonly InMemoryCancellations _cancellations = new();
    private readonly InMemoryCancelOnIndex _cancelOn = new();
    private long _sequence;

    /// <summary>How many succeeded runs stay visible to <see cref="GetRunAsync"/> at most, by default.</summary>
    public const int DefaultSucceededRunsKept = 10_000;

    public bool IsDurable => false;

    public bool UsesPayloadBytes => false;

    public bool TakesRunsConcurrently => true;

    public IFlowControlStore FlowControl { get; } = new InMemoryFlowControl();

    /// <summary>Gets the holds of debounces and batches, kept with their event objects.</summary>
    public IEventHoldStore Holds { get; } = new InMemoryHolds();

    /// <summary>Gets how many event Ids are remembered for deduplication.</summary>
    public int RememberedEventCount
    {
        get
        {
            lock (_eventsGate)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>Gets how many runs wait to be taken.</summary>
    public int QueuedCount => _queues.Count;

    public async ValueTask<AcceptResult> AcceptAsync(EventSubmission submission, CancellationToken cancellationToken)
    {
        while (true)
        {
            var accepted = submission.IdChosenBySender ? TryAcceptWithId(submission) : TryAccept(submission, time.GetUtcNow(), out _);
            if (accepted is { } result)
            {
                return result;
            }

            var spaceFreed = _queues.SpaceFreed(submission.Runs.Count, queueCapacity);
            if (!_queues.HasRoomFor(submission.Runs.Count, queueCapacity))
            {
                await spaceFreed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public int? CountWaitingRuns(string functionId) => _queues.CountWaiting(functionId);

    public ValueTask<bool> WaitForRunAsync(string functionId, CancellationToken cancellationToken) =>
        _queues.WaitToTakeAsync(functionId, cancellationToken);

    public ValueTask<RunDelivery?> TryTakeRunAsync(string functionId, CancellationToken cancellationToken)
    {
        while (_queues.TryTake(functionId, out var run))
        {
            if (run.Take(time.GetUtcNow()) is { } delivery)
            {
                return ValueTask.FromResult<RunDelivery?>(delivery);
            }
        }

        return ValueTask.FromResult<RunDelivery?>(null);
    }

    public ValueTask ReportAsync(RunOutcome outcome, CancellationToken cancellationToken)
    {
        if ((outcome.Delivery as InMemoryRun ?? _runs.Find(outcome.RunId)) is not { } run)
        {
            return ValueTask.CompletedTask;
        }

        var next = run.Settle(in outcome, out var settled);
        if (!ReferenceEquals(next, run))
        {
            _runs.Replace(run, next);
        }

        switch (settled)
        {
            case RunOutcomeKind.Succeeded or RunOutcomeKind.Skipped or RunOutcomeKind.Cancelled:
                _runs.Ended(run);
                _cancelOn.Ended(run);
                break;
            case RunOutcomeKind.Failed:
                _cancelOn.Ended(run);
                break;
            case RunOutcomeKind.Released:
                _queues.Add(next);
                break;
            case RunOutcomeKind.RetryScheduled or RunOutcomeKind.Deferred:
                ScheduleRedelivery(next);
                break;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<FunctionRun?> CancelRunAsync(string runId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(reason);
        if (_runs.Find(runId) is not { } run)
        {
            return ValueTask.FromResult<FunctionRun?>(null);
        }

        if (run.Cancel(reason, now))
        {
            _cancellations.Announce(new RunCancellation(runId, reason));
        }
        else if (run.Status == RunStatus.Cancelled)
        {
            _runs.Ended(run);
            _cancelOn.Ended(run);
        }

        return ValueTask.FromResult<FunctionRun?>(run.ToFunctionRun());
    }

    public IAsyncEnumerable<RunCancellation> WatchCancellationsAsync(CancellationToken cancellationToken) => _cancellations.WatchAsync(cancellationToken);

    public ValueTask<IReadOnlyList<CancelOnCandidate>> FindCancelOnCandidatesAsync(CancelOnQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ValueTask.FromResult(_cancelOn.Find(query, _runs.Find));
    }

    public ValueTask<FunctionRun?> GetRunAsync(string runId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_runs.Find(runId)?.ToFunctionRun());

    public ValueTask<IReadOnlyList<FunctionRun>> ListFailedAsync(FailedRunQuery query, CancellationToken cancellationToken)
    {
        IReadOnlyList<FunctionRun> failed = _runs.All()
            .Where(static r => r.Status == RunStatus.Failed)
            .Select(static r => r.ToFunctionRun())
            .Where(query.Matches)
            .OrderBy(static r => r.FailedAt)
            .ThenBy(static r => r.RunId, StringComparer.Ordinal)
            .Take(query.Limit)
            .ToArray();
        return ValueTask.FromResult(failed);
    }

    public ValueTask<RunPage> ListRunsAsync(RunQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(InMemoryRunListing.Runs(_runs, query));

    public ValueTask<EventPage> ListEventsAsync(EventQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(InMemoryRunListing.Events(_runs, query));

    public ValueTask<RunCounts> CountRunsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(InMemoryRunListing.Counts(_runs));

    public ValueTask<FunctionRun?> ReplayAsync(string runId, string newRunId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_runs.Find(runId) is not { } failed || !failed.TryMarkReplayed(newRunId, now))
        {
            return ValueTask.FromResult<FunctionRun?>(null);
        }

        var replay = new InMemoryRun(sequence: 0, newRunId, failed.FunctionId, failed.Event, failed.Trace, now) { ReplayOf = runId, CreatedAt = now, ReplaySequence = (ulong)Interlocked.Increment(ref _sequence), Keys = failed.Keys };
        _runs.AddReplay(replay);
        _cancelOn.Add(replay);
        _queues.Add(replay);
        return ValueTask.FromResult<FunctionRun?>(replay.ToFunctionRun());
    }

    private AcceptResult? TryAcceptWithId(EventSubmission submission)
    {
        lock (_eventsGate)
        {
            var now = time.GetUtcNow();
            Prune(now);
            if (_events.TryGetValue(submission.Event.Id, out var existing))
            {
                return new AcceptResult(IsDuplicate: true, existing.RunIds);
            }

            var accepted = TryAccept(submission, now, out var sequence);
            if (accepted is { } result)
            {
                _events.Add(new AcceptedEvent(submission.Event.Id, result.RunIds, submission.DeduplicateUntil, sequence));
            }

            return accepted;
        }
    }

    private AcceptResult? TryAccept(EventSubmission submission, DateTimeOffset now, out ulong sequence)
    {
        var requests = submission.Runs;
        if (!submission.SentFromFunction && !_queues.HasRoomFor(requests.Count, queueCapacity))
        {
            sequence = 0;
            return null;
        }

        if (HasIdempotencyKey(requests))
        {
            lock (_idempotencyGate)
            {
                return AcceptWithIdempotencyKeys(submission, now, out sequence);
            }
        }

        sequence = (ulong)Interlocked.Increment(ref _sequence);
        var runs = new InMemoryRun[requests.Count];
        for (var i = 0; i < runs.Length; i++)
        {
            runs[i] = NewRun(sequence, requests[i], submission, now);
        }

        // Indexed before queued: a run may be taken and settled the moment it is queued.
        _runs.AddEvent(sequence, runs);
        foreach (var run in runs)
        {
            _cancelOn.Add(run);
            _queues.Add(run);
        }

        return new AcceptResult(IsDuplicate: false, new EventRunIds(runs));
    }

    /// <summary>
    /// Accepts an event some of whose runs carry an idempotency key: a run whose key another run of its function took, and
    /// that has not run out, is not created, and the first run's Id stands in its place. Called under the idempotency lock.
    /// </summary>
    private AcceptResult AcceptWithIdempotencyKeys(EventSubmission submission, DateTimeOffset now, out ulong sequence)
    {
        var requests = submission.Runs;
        _idempotencyKeys.Prune(now);
        sequence = (ulong)Interlocked.Increment(ref _sequence);
        var runIds = new string[requests.Count];
        var created = new List<InMemoryRun>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            if (request.IdempotencyKey is { } key && _idempotencyKeys.Holder(request.FunctionId, key, now) is { } first)
            {
                runIds[i] = first;
                continue;
            }

            var run = NewRun(sequence, request, submission, now);
            runIds[i] = run.RunId;
            created.Add(run);
            if (request.IdempotencyKey is { } taken)
            {
                _idempotencyKeys.Take(request.FunctionId, taken, run.RunId, request.IdempotentUntil);
            }
        }

        var runs = created.ToArray();
        _runs.AddEvent(sequence, runs);
        foreach (var run in runs)
        {
            _cancelOn.Add(run);
            _queues.Add(run);
        }

        return new AcceptResult(IsDuplicate: false, runIds);
    }

    private static bool HasIdempotencyKey(IReadOnlyList<RunRequest> requests)
    {
        for (var i = 0; i < requests.Count; i++)
        {
            if (requests[i].IdempotencyKey is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static InMemoryRun NewRun(ulong sequence, RunRequest request, EventSubmission submission, DateTimeOffset now) =>
        request.Keys is { } keys
            ? new InMemoryRun(sequence, runId: null, request.FunctionId, submission.Event, submission.Trace, now) { Keys = keys }
            : new InMemoryRun(sequence, runId: null, request.FunctionId, submission.Event, submission.Trace, now);

    private void ScheduleRedelivery(InMemoryRun run)
    {
        var delay = run.DueAt - time.GetUtcNow();
        var holder = new StrongBox<ITimer?>();
        lock (_timersGate)
        {
            var timer = time.CreateTimer(_ => Redeliver(run, holder), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            holder.Value = timer;
            _redeliveries.Add(timer);
            _queues.RetryScheduled(run.FunctionId);
            timer.Change(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private void Redeliver(InMemoryRun run, StrongBox<ITimer?> holder)
    {
        lock (_timersGate)
        {
            if (holder.Value is not { } timer || !_redeliveries.Remove(timer))
            {
                return;
            }

            timer.Dispose();
        }

        _queues.RetryDue(run.FunctionId);
        if (run.MarkDue())
        {
            _queues.Add(run);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (_events.TryRemoveExpired(now, out var oldest))
        {
            _runs.ForgetAtWindowEnd(oldest.Sequence);
        }
    }
}
