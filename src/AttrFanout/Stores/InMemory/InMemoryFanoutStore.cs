using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace AttrFanout.Stores.InMemory;

/// <summary>
/// Keeps events and runs in process memory: fast, bounded by <see cref="AttrFanoutOptions.QueueCapacity"/>, and lost on restart.
/// Only Ids chosen by senders are remembered for deduplication, so generated Ids cost no memory after their runs.
/// Succeeded runs are forgotten when their event's idempotency window ends, or sooner beyond the latest
/// <paramref name="succeededRunsKept"/>; failed runs are kept for the life of the process.
/// A run whose retry is scheduled waits on a <see cref="TimeProvider"/> timer, outside the queues, and is queued again when due.
/// </summary>
internal sealed class InMemoryFanoutStore(int queueCapacity, TimeProvider time, int succeededRunsKept = InMemoryFanoutStore.DefaultSucceededRunsKept) : IFanoutStore
{
    private readonly Lock _gate = new();
    private readonly InMemoryRunQueues _queues = new();
    private readonly Dictionary<string, InMemoryRun> _runs = new(StringComparer.Ordinal);
    private readonly AcceptedEvents _events = new();
    private readonly HashSet<ITimer> _redeliveries = [];
    private readonly Queue<string> _succeeded = new();

    /// <summary>How many succeeded runs stay visible to <see cref="GetRunAsync"/> at most, by default.</summary>
    public const int DefaultSucceededRunsKept = 10_000;

    public bool IsDurable => false;

    /// <summary>Gets how many event Ids are remembered for deduplication.</summary>
    public int RememberedEventCount
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>Gets how many runs wait to be taken.</summary>
    public int QueuedCount
    {
        get
        {
            lock (_gate)
            {
                return _queues.Count;
            }
        }
    }

    public async ValueTask<AcceptResult> AcceptAsync(EventSubmission submission, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task spaceFreed;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                Prune(now);
                if (_events.TryGetValue(submission.Event.Id, out var existing))
                {
                    return new AcceptResult(IsDuplicate: true, existing.RunIds);
                }

                if (submission.SentFromFunction || _queues.HasRoomFor(submission.Runs.Count, queueCapacity))
                {
                    return Add(submission, now);
                }

                spaceFreed = _queues.SpaceFreed;
            }

            await spaceFreed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask<bool> WaitForRunAsync(string functionId, CancellationToken cancellationToken)
    {
        return _queues.Reader(functionId).WaitToReadAsync(cancellationToken);
    }

    public ValueTask<RunDelivery?> TryTakeRunAsync(string functionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_queues.TryTake(functionId, out var delivery))
            {
                return ValueTask.FromResult<RunDelivery?>(null);
            }

            var run = _runs[delivery.RunId];
            run.Snapshot = run.Snapshot with { Status = RunStatus.Running, NextAttemptAt = null, UpdatedAt = time.GetUtcNow() };
            return ValueTask.FromResult<RunDelivery?>(delivery);
        }
    }

    public ValueTask ReportAsync(RunOutcome outcome, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_runs.TryGetValue(outcome.RunId, out var run))
            {
                return ValueTask.CompletedTask;
            }

            var snapshot = run.Snapshot with { Attempts = outcome.Attempts, UpdatedAt = outcome.At };
            run.Snapshot = outcome.Kind switch
            {
                RunOutcomeKind.Succeeded => snapshot with { Status = RunStatus.Succeeded, NextAttemptAt = null },
                RunOutcomeKind.RetryScheduled => snapshot with
                {
                    Status = RunStatus.RetryScheduled,
                    NextAttemptAt = outcome.DueAt,
                    ErrorType = outcome.ErrorType,
                    ErrorMessage = outcome.ErrorMessage,
                },
                RunOutcomeKind.Failed => snapshot with
                {
                    Status = RunStatus.Failed,
                    NextAttemptAt = null,
                    ErrorType = outcome.ErrorType,
                    ErrorMessage = outcome.ErrorMessage,
                    FailedAt = outcome.At,
                },
                _ => snapshot with { Status = RunStatus.Pending, NextAttemptAt = null },
            };

            if (outcome.Kind == RunOutcomeKind.Succeeded)
            {
                ForgetOldSucceeded(outcome.RunId);
            }
            else if (outcome.Kind == RunOutcomeKind.Released)
            {
                _queues.Add(run.ToDelivery(outcome.At));
            }
            else if (outcome is { Kind: RunOutcomeKind.RetryScheduled, DueAt: { } dueAt })
            {
                ScheduleRedelivery(run, dueAt);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<FunctionRun?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_runs.TryGetValue(runId, out var run) ? run.Snapshot : null);
        }
    }

    public ValueTask<IReadOnlyList<FunctionRun>> ListFailedAsync(FailedRunQuery query, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<FunctionRun> failed = _runs.Values
                .Select(static r => r.Snapshot)
                .Where(query.Matches)
                .OrderBy(static r => r.FailedAt)
                .ThenBy(static r => r.RunId, StringComparer.Ordinal)
                .Take(query.Limit)
                .ToArray();
            return ValueTask.FromResult(failed);
        }
    }

    public ValueTask<FunctionRun?> ReplayAsync(string runId, string newRunId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_runs.TryGetValue(runId, out var failed) || failed.Snapshot.Status != RunStatus.Failed || failed.Snapshot.ReplayedBy is not null)
            {
                return ValueTask.FromResult<FunctionRun?>(null);
            }

            failed.Snapshot = failed.Snapshot with { ReplayedBy = newRunId, UpdatedAt = now };
            var replay = NewRun(newRunId, failed.Snapshot.FunctionId, failed.Event, failed.TraceParent, now);
            replay.Snapshot = replay.Snapshot with { ReplayOf = runId };
            _runs.Add(newRunId, replay);
            _queues.Add(replay.ToDelivery(now));
            return ValueTask.FromResult<FunctionRun?>(replay.Snapshot);
        }
    }

    private AcceptResult Add(EventSubmission submission, DateTimeOffset now)
    {
        var runIds = new string[submission.Runs.Count];
        for (var i = 0; i < runIds.Length; i++)
        {
            var request = submission.Runs[i];
            var run = NewRun(request.RunId, request.FunctionId, submission.Event, submission.TraceParent, now);
            _runs.Add(request.RunId, run);
            _queues.Add(run.ToDelivery(now));
            runIds[i] = request.RunId;
        }

        if (submission.IdChosenBySender)
        {
            _events.Add(new AcceptedEvent(submission.Event.Id, runIds, submission.DeduplicateUntil));
        }

        return new AcceptResult(IsDuplicate: false, runIds);
    }

    private static InMemoryRun NewRun(string runId, string functionId, EventEnvelope @event, string? traceParent, DateTimeOffset now) =>
        new(
            new FunctionRun
            {
                RunId = runId,
                FunctionId = functionId,
                EventId = @event.Id,
                EventName = @event.Name,
                Status = RunStatus.Pending,
                CreatedAt = now,
                UpdatedAt = now,
            },
            @event,
            traceParent);

    private void ScheduleRedelivery(InMemoryRun run, DateTimeOffset dueAt)
    {
        var delay = dueAt - time.GetUtcNow();
        var holder = new StrongBox<ITimer?>();
        var timer = time.CreateTimer(_ => Redeliver(run, dueAt, holder), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        holder.Value = timer;
        _redeliveries.Add(timer);
        timer.Change(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void Redeliver(InMemoryRun run, DateTimeOffset dueAt, StrongBox<ITimer?> holder)
    {
        lock (_gate)
        {
            if (holder.Value is { } timer && _redeliveries.Remove(timer))
            {
                timer.Dispose();
                run.Snapshot = run.Snapshot with { Status = RunStatus.Pending };
                _queues.Add(run.ToDelivery(dueAt));
            }
        }
    }

    private void ForgetOldSucceeded(string runId)
    {
        _succeeded.Enqueue(runId);
        while (_succeeded.Count > succeededRunsKept)
        {
            var oldest = _succeeded.Dequeue();
            if (_runs.TryGetValue(oldest, out var run) && run.Snapshot.Status == RunStatus.Succeeded)
            {
                _runs.Remove(oldest);
            }
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (_events.TryRemoveExpired(now, out var oldest))
        {
            foreach (var runId in oldest.RunIds)
            {
                if (_runs.TryGetValue(runId, out var run) && run.Snapshot.Status == RunStatus.Succeeded)
                {
                    _runs.Remove(runId);
                }
            }
        }
    }
}
