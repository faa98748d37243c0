namespace AttrFanout.Stores.InMemory;

/// <summary>
/// A run as the in-memory store keeps it: one mutable record, changed under its own lock by the run's single
/// executor (the record itself is the lock, so a run costs one object); a <see cref="FunctionRun"/> is built from it
/// only when someone reads it.
/// </summary>
internal sealed class InMemoryRun(string runId, string functionId, EventEnvelope @event, string? traceParent, DateTimeOffset createdAt)
{
    private RunStatus _status = RunStatus.Pending;
    private int _attempts;
    private DateTimeOffset _updatedAt = createdAt;
    private DateTimeOffset? _nextAttemptAt;
    private string? _errorType;
    private string? _errorMessage;
    private DateTimeOffset? _failedAt;
    private string? _replayedBy;

    public string RunId { get; } = runId;

    public string FunctionId { get; } = functionId;

    public EventEnvelope Event { get; } = @event;

    public string? TraceParent { get; } = traceParent;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string? ReplayOf { get; init; }

    /// <summary>Gets or sets since when the run has been due, set as it is queued.</summary>
    public DateTimeOffset DueSince { get; set; } = createdAt;

    public RunStatus Status
    {
        get
        {
            lock (this)
            {
                return _status;
            }
        }
    }

    /// <summary>Marks the run running and hands it over.</summary>
    public RunDelivery Take(DateTimeOffset now)
    {
        lock (this)
        {
            _status = RunStatus.Running;
            _nextAttemptAt = null;
            _updatedAt = now;
            return new RunDelivery(RunId, FunctionId, Event, _attempts, DueSince, TraceParent) { CreatedAt = CreatedAt, ReplayOf = ReplayOf };
        }
    }

    public void Settle(RunOutcome outcome)
    {
        lock (this)
        {
            _attempts = outcome.Attempts;
            _updatedAt = outcome.At;
            _nextAttemptAt = outcome.DueAt;
            _status = outcome.Kind switch
            {
                RunOutcomeKind.Succeeded => RunStatus.Succeeded,
                RunOutcomeKind.RetryScheduled => RunStatus.RetryScheduled,
                RunOutcomeKind.Failed => RunStatus.Failed,
                _ => RunStatus.Pending,
            };
            if (outcome.Kind is RunOutcomeKind.RetryScheduled or RunOutcomeKind.Failed)
            {
                _errorType = outcome.ErrorType;
                _errorMessage = outcome.ErrorMessage;
            }

            if (outcome.Kind == RunOutcomeKind.Failed)
            {
                _failedAt = outcome.At;
            }
        }
    }

    public void MarkDue()
    {
        lock (this)
        {
            _status = RunStatus.Pending;
        }
    }

    /// <summary>Marks the failed run replayed by <paramref name="replayRunId"/>; false when it is not failed or already replayed.</summary>
    public bool TryMarkReplayed(string replayRunId, DateTimeOffset now)
    {
        lock (this)
        {
            if (_status != RunStatus.Failed || _replayedBy is not null)
            {
                return false;
            }

            _replayedBy = replayRunId;
            _updatedAt = now;
            return true;
        }
    }

    public FunctionRun ToFunctionRun()
    {
        lock (this)
        {
            return new FunctionRun
            {
                RunId = RunId,
                FunctionId = FunctionId,
                EventId = Event.Id,
                EventName = Event.Name,
                Status = _status,
                Attempts = _attempts,
                CreatedAt = CreatedAt,
                UpdatedAt = _updatedAt,
                NextAttemptAt = _status == RunStatus.RetryScheduled ? _nextAttemptAt : null,
                ErrorType = _errorType,
                ErrorMessage = _errorMessage,
                FailedAt = _failedAt,
                ReplayOf = ReplayOf,
                ReplayedBy = _replayedBy,
            };
        }
    }
}
