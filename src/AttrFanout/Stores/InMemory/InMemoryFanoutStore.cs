using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace AttrFanout.Stores.InMemory;

/// <summary>
/// Keeps events and runs in process memory: fast, bounded by <see cref="AttrFanoutOptions.QueueCapacity"/>, and lost on restart.
/// Only Ids chosen by senders are remembered for deduplication, so generated Ids cost no memory after their runs and
/// their sends take no store-wide lock. Succeeded runs are forgotten when their event's idempotency window ends, or
/// sooner beyond the latest <paramref name="succeededRunsKept"/>; failed runs are kept for the life of the process.
/// A run whose retry is scheduled waits on a <see cref="TimeProvider"/> timer, outside the queues, and is queued again when due.
/// </summary>
internal sealed class InMemoryFanoutStore(int queueCapacity, TimeProvider time, int succeededRunsKept = InMemoryFanoutStore.DefaultSucceededRunsKept) : IFanoutStore
{
    private readonly InMemoryRunQueues _queues = new();
    private readonly ConcurrentDictionary<string, InMemoryRun> _runs = new(StringComparer.Ordinal);
    private readonly Lock _eventsGate = new();
    private readonly AcceptedEvents _events = new();
    private readonly Lock _timersGate = new();
    private readonly HashSet<ITimer> _redeliveries = [];
    private readonly ConcurrentQueue<string> _succeeded = new();
    private int _succeededCount;
    private long _sequence;

    /// <summary>How many succeeded runs stay visible to <see cref="GetRunAsync"/> at most, by default.</summary>
    public const int DefaultSucceededRunsKept = 10_000;

    public bool IsDurable => false;

    public bool UsesPayloadBytes => false;

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
            var accepted = submission.IdChosenBySender ? TryAcceptWithId(submission) : TryAccept(submission, time.GetUtcNow());
            if (accepted is not null)
            {
                return accepted;
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

    public ValueTask<RunDelivery?> TryTakeRunAsync(string functionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_queues.TryTake(functionId, out var run) ? run.Take(time.GetUtcNow()) : null);

    public ValueTask ReportAsync(RunOutcome outcome, CancellationToken cancellationToken)
    {
        if (!_runs.TryGetValue(outcome.RunId, out var run))
        {
            return ValueTask.CompletedTask;
        }

        var next = run.Settle(outcome);
        if (!ReferenceEquals(next, run))
        {
            _runs[outcome.RunId] = next;
        }

        switch (outcome)
        {
            case { Kind: RunOutcomeKind.Succeeded }:
                ForgetOldSucceeded(outcome.RunId);
                break;
            case { Kind: RunOutcomeKind.Released }:
                _queues.Add(next);
                break;
            case { Kind: RunOutcomeKind.RetryScheduled }:
                ScheduleRedelivery(next);
                break;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<FunctionRun?> GetRunAsync(string runId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_runs.TryGetValue(runId, out var run) ? run.ToFunctionRun() : null);

    public ValueTask<IReadOnlyList<FunctionRun>> ListFailedAsync(FailedRunQuery query, CancellationToken cancellationToken)
    {
        IReadOnlyList<FunctionRun> failed = _runs.Values
            .Where(static r => r.Status == RunStatus.Failed)
            .Select(static r => r.ToFunctionRun())
            .Where(query.Matches)
            .OrderBy(static r => r.FailedAt)
            .ThenBy(static r => r.RunId, StringComparer.Ordinal)
            .Take(query.Limit)
            .ToArray();
        return ValueTask.FromResult(failed);
    }

    public ValueTask<FunctionRun?> ReplayAsync(string runId, string newRunId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!_runs.TryGetValue(runId, out var failed) || !failed.TryMarkReplayed(newRunId, now))
        {
            return ValueTask.FromResult<FunctionRun?>(null);
        }

        var replay = new InMemoryRun(newRunId, failed.FunctionId, failed.Event, failed.Trace, now) { ReplayOf = runId };
        _runs[newRunId] = replay;
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

            var accepted = TryAccept(submission, now);
            if (accepted is not null)
            {
                _events.Add(new AcceptedEvent(submission.Event.Id, accepted.RunIds, submission.DeduplicateUntil));
            }

            return accepted;
        }
    }

    private AcceptResult? TryAccept(EventSubmission submission, DateTimeOffset now)
    {
        var requests = submission.Runs;
        if (!submission.SentFromFunction && !_queues.HasRoomFor(requests.Count, queueCapacity))
        {
            return null;
        }

        var sequence = (ulong)Interlocked.Increment(ref _sequence);
        var runIds = new string[requests.Count];
        for (var i = 0; i < runIds.Length; i++)
        {
            var functionId = requests[i].FunctionId;
            var runId = runIds[i] = RunIds.For(sequence, functionId);
            var run = new InMemoryRun(runId, functionId, submission.Event, submission.Trace, now);
            _runs[runId] = run;
            _queues.Add(run);
        }

        return new AcceptResult(IsDuplicate: false, runIds);
    }

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
        run.MarkDue();
        _queues.Add(run);
    }

    private void ForgetOldSucceeded(string runId)
    {
        _succeeded.Enqueue(runId);
        if (Interlocked.Increment(ref _succeededCount) <= succeededRunsKept)
        {
            return;
        }

        if (_succeeded.TryDequeue(out var oldest))
        {
            Interlocked.Decrement(ref _succeededCount);
            if (_runs.TryGetValue(oldest, out var run) && run.Status == RunStatus.Succeeded)
            {
                _runs.TryRemove(oldest, out _);
            }
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (_events.TryRemoveExpired(now, out var oldest))
        {
            foreach (var runId in oldest.RunIds)
            {
                if (_runs.TryGetValue(runId, out var run) && run.Status == RunStatus.Succeeded)
                {
                    _runs.TryRemove(runId, out _);
                }
            }
        }
    }
}
