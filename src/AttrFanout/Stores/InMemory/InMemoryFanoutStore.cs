using System.Threading.Channels;

namespace AttrFanout.Stores.InMemory;

/// <summary>
/// Keeps events and runs in process memory: fast, bounded by <see cref="AttrFanoutOptions.QueueCapacity"/>, and lost on restart.
/// Succeeded runs are forgotten with their event's Id when the idempotency window ends; failed runs are kept.
/// </summary>
internal sealed class InMemoryFanoutStore(int queueCapacity, TimeProvider time) : IFanoutStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Channel<RunDelivery>> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InMemoryRun> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AcceptedEvent> _events = new(StringComparer.Ordinal);
    private readonly Queue<AcceptedEvent> _expiries = new();
    private TaskCompletionSource _spaceFreed = NewSignal();
    private int _queued;

    public bool RetriesInProcess => true;

    public bool IsDurable => false;

    /// <summary>Gets how many runs wait to be taken.</summary>
    public int QueuedCount
    {
        get
        {
            lock (_gate)
            {
                return _queued;
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

                var count = submission.Runs.Count;
                if (_queued == 0 || _queued + count <= queueCapacity)
                {
                    return Add(submission, now);
                }

                spaceFreed = _spaceFreed.Task;
            }

            await spaceFreed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask<bool> WaitForRunAsync(string functionId, CancellationToken cancellationToken)
    {
        Channel<RunDelivery> queue;
        lock (_gate)
        {
            queue = GetQueue(functionId);
        }

        return queue.Reader.WaitToReadAsync(cancellationToken);
    }

    public ValueTask<RunDelivery?> TryTakeRunAsync(string functionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!GetQueue(functionId).Reader.TryRead(out var delivery))
            {
                return ValueTask.FromResult<RunDelivery?>(null);
            }

            _queued--;
            var run = _runs[delivery.RunId];
            run.Snapshot = run.Snapshot with { Status = RunStatus.Running, NextAttemptAt = null, UpdatedAt = time.GetUtcNow() };
            SignalSpace();
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

            if (outcome.Kind == RunOutcomeKind.Released)
            {
                Enqueue(run.ToDelivery(outcome.At));
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
            var replay = NewRun(newRunId, failed.Snapshot.FunctionId, failed.Event, failed.TraceParent, now) ;
            replay.Snapshot = replay.Snapshot with { ReplayOf = runId };
            _runs.Add(newRunId, replay);
            Enqueue(replay.ToDelivery(now));
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
            Enqueue(run.ToDelivery(now));
            runIds[i] = request.RunId;
        }

        var accepted = new AcceptedEvent(submission.Event.Id, runIds, submission.DeduplicateUntil);
        _events.Add(accepted.EventId, accepted);
        _expiries.Enqueue(accepted);
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

    private void Enqueue(RunDelivery delivery)
    {
        GetQueue(delivery.FunctionId).Writer.TryWrite(delivery);
        _queued++;
    }

    private void Prune(DateTimeOffset now)
    {
        while (_expiries.TryPeek(out var oldest) && oldest.DeduplicateUntil <= now)
        {
            _expiries.Dequeue();
            _events.Remove(oldest.EventId);
            foreach (var runId in oldest.RunIds)
            {
                if (_runs.TryGetValue(runId, out var run) && run.Snapshot.Status == RunStatus.Succeeded)
                {
                    _runs.Remove(runId);
                }
            }
        }
    }

    private Channel<RunDelivery> GetQueue(string functionId)
    {
        if (!_queues.TryGetValue(functionId, out var queue))
        {
            queue = Channel.CreateUnbounded<RunDelivery>(new UnboundedChannelOptions { SingleReader = true });
            _queues.Add(functionId, queue);
        }

        return queue;
    }

    private void SignalSpace()
    {
        var freed = _spaceFreed;
        _spaceFreed = NewSignal();
        freed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
