namespace AttrFanout.Stores.InMemory;

/// <summary>
/// A run as the in-memory store keeps it, and the delivery it hands over: one object per run, so taking it allocates
/// nothing. Its status changes under its own lock (the record itself is the lock); what only a failing run needs lives in
/// <see cref="InMemoryRunTrouble"/>, allocated on its first failure. A run delivered again (a retry, a release) continues
/// as a copy carrying its new attempts and due time.
/// </summary>
internal sealed record InMemoryRun : RunDelivery
{
    // The status is a byte and the attempts made are the delivery's plus one bit, so the last attempt's duration fits in
    // the room two ints took: a run that succeeds at its first attempt keeps its timeline at no cost in memory.
    private volatile byte _status;
    private bool _attemptEnded;
    private int _lastAttemptMilliseconds;
    private long _updatedAtTicks;
    private InMemoryRunTrouble? _trouble;
    private const int UnknownDuration = -1;
    private string? _runId;

    public InMemoryRun(ulong sequence, string? runId, string functionId, EventEnvelope @event, PropagatedContext? trace, DateTimeOffset createdAt)
        : base(RunId: null!, functionId, @event, Attempts: 0, DueAt: createdAt, trace)
    {
        Sequence = sequence;
        _runId = runId;
        _updatedAtTicks = createdAt.UtcTicks;
    }

    /// <summary>Gets the run's Id, named from its event's sequence and its function the first time it is asked for (a replay's is given).</summary>
    public override string RunId
    {
        get => _runId ??= RunIds.For(Sequence, FunctionId);
        init => _runId = value;
    }

    /// <summary>Gets the sequence of the event that started the run, or 0 for a replay.</summary>
    public ulong Sequence { get; }

    /// <summary>Gets the store's sequence when this replay was created, placing it among the events in listings; 0 for a run of an event.</summary>
    public ulong ReplaySequence
    {
        get => _trouble?.ReplaySequence ?? 0;
        init => _trouble = (_trouble ?? new()) with { ReplaySequence = value };
    }

    /// <summary>Gets the run's creation time.</summary>
    public DateTimeOffset Created => CreatedAt ?? Event.Timestamp;

    /// <summary>Gets the run's status, read without the lock (it is written under it).</summary>
    public RunStatus Status => (RunStatus)_status;

    private RunStatus CurrentStatus
    {
        get => (RunStatus)_status;
        set => _status = (byte)value;
    }

    /// <summary>Gets how many attempts have finished: the delivery's, plus the one that ended in it.</summary>
    private int AttemptsMade => _trouble?.AttemptsMade ?? (Attempts + (_attemptEnded ? 1 : 0));

    /// <summary>Marks the run running and hands it over; <see langword="null"/> when it was cancelled while it waited.</summary>
    public RunDelivery? Take(DateTimeOffset now)
    {
        lock (this)
        {
            if (CurrentStatus == RunStatus.Cancelled)
            {
                return null;
            }

            CurrentStatus = RunStatus.Running;
            _updatedAtTicks = now.UtcTicks;
            return this;
        }
    }

    /// <summary>Gets whether the run waits to be delivered again (a retry, a deferral) rather than ended.</summary>
    public static bool IsDeliveredAgain(RunOutcomeKind kind) => kind is RunOutcomeKind.RetryScheduled or RunOutcomeKind.Released or RunOutcomeKind.Deferred;

    /// <summary>
    /// Records an attempt's outcome; returns the run that carries on: a copy for a run delivered again, else itself. A run
    /// whose cancellation was asked for while it executed ends <see cref="RunStatus.Cancelled"/> instead of waiting to be
    /// delivered again; <paramref name="settled"/> says how it ended.
    /// </summary>
    public InMemoryRun Settle(in RunOutcome outcome, out RunOutcomeKind settled)
    {
        lock (this)
        {
            var cancelReason = _trouble?.CancelReason;
            settled = cancelReason is not null && IsDeliveredAgain(outcome.Kind) ? RunOutcomeKind.Cancelled : outcome.Kind;
            _updatedAtTicks = outcome.At.UtcTicks;
            RecordAttempt(outcome);
            CurrentStatus = settled switch
            {
                RunOutcomeKind.Succeeded => RunStatus.Succeeded,
                RunOutcomeKind.RetryScheduled => RunStatus.RetryScheduled,
                RunOutcomeKind.Failed => RunStatus.Failed,
                RunOutcomeKind.Skipped => RunStatus.Skipped,
                RunOutcomeKind.Cancelled => RunStatus.Cancelled,
                _ => RunStatus.Pending,
            };
            if (settled is RunOutcomeKind.Skipped or RunOutcomeKind.Cancelled)
            {
                _trouble = (_trouble ?? new()) with { Reason = outcome.Kind == settled ? outcome.Reason : cancelReason };
                return this;
            }

            if (outcome.Kind is RunOutcomeKind.RetryScheduled or RunOutcomeKind.Failed)
            {
                _trouble = (_trouble ?? new()) with
                {
                    ErrorType = outcome.ErrorType,
                    ErrorMessage = outcome.ErrorMessage,
                    NextAttemptAt = outcome.DueAt,
                    FailedAt = outcome.Kind == RunOutcomeKind.Failed ? outcome.At : null,
                };
            }

            return outcome.Kind switch
            {
                RunOutcomeKind.RetryScheduled or RunOutcomeKind.Deferred => this with { Attempts = outcome.Attempts, DueAt = outcome.DueAt ?? outcome.At, _attemptEnded = false },
                RunOutcomeKind.Released => this with { Attempts = outcome.Attempts, DueAt = outcome.At, _attemptEnded = false },
                _ => this,
            };
        }
    }

    /// <summary>
    /// Counts the attempts made and keeps the attempt the outcome ends: a first success without trouble as its duration
    /// alone, anything else in the bounded history of <see cref="InMemoryRunTrouble"/>.
    /// </summary>
    private void RecordAttempt(in RunOutcome outcome)
    {
        var ahead = outcome.Attempts - Attempts;
        var ended = outcome.AttemptOutcome;
        if (_trouble is null && ahead is 0 or 1 && (ended is null || (ended == RunAttemptOutcome.Succeeded && outcome.Attempts == 1)))
        {
            _attemptEnded = ahead == 1;
            if (outcome.Kind == RunOutcomeKind.Succeeded)
            {
                _lastAttemptMilliseconds = outcome.StartedAt is { } startedAt ? (int)Math.Clamp((outcome.At - startedAt).TotalMilliseconds, 0, int.MaxValue) : UnknownDuration;
            }

            return;
        }

        var attempt = RunAttempts.Of(outcome);
        var trouble = _trouble ?? new();
        _attemptEnded = ahead == 1;
        _trouble = trouble with
        {
            AttemptsMade = ahead is 0 or 1 ? null : outcome.Attempts,
            History = attempt is null ? trouble.History : InMemoryRunTrouble.Append(trouble.History, attempt),
        };
    }

    /// <summary>The attempts kept, oldest first: the history, or the one success of a run without trouble.</summary>
    private IReadOnlyList<RunAttempt> AttemptHistory()
    {
        if (_trouble is { } trouble)
        {
            return trouble.History;
        }

        if (CurrentStatus != RunStatus.Succeeded || AttemptsMade != 1 || _lastAttemptMilliseconds == UnknownDuration)
        {
            return [];
        }

        var endedAt = new DateTimeOffset(_updatedAtTicks, TimeSpan.Zero);
        return [new RunAttempt(1, endedAt - TimeSpan.FromMilliseconds(_lastAttemptMilliseconds), endedAt, RunAttemptOutcome.Succeeded)];
    }

    /// <summary>Marks a run whose retry (or deferral) is due pending again; false when it was cancelled while it waited.</summary>
    public bool MarkDue()
    {
        lock (this)
        {
            if (CurrentStatus == RunStatus.Cancelled)
            {
                return false;
            }

            CurrentStatus = RunStatus.Pending;
            return true;
        }
    }

    /// <summary>
    /// Cancels the run: one not executing ends <see cref="RunStatus.Cancelled"/> at once (and is never delivered again); one
    /// executing is marked, so whatever its attempt reports short of an end makes it Cancelled.
    /// </summary>
    /// <returns>Whether the run is executing, so its engine must be told.</returns>
    public bool Cancel(string reason, DateTimeOffset now)
    {
        lock (this)
        {
            switch (CurrentStatus)
            {
                case RunStatus.Running:
                    if (_trouble?.CancelReason is null)
                    {
                        _trouble = (_trouble ?? new()) with { CancelReason = reason };
                    }

                    return true;
                case RunStatus.Pending or RunStatus.RetryScheduled:
                    CurrentStatus = RunStatus.Cancelled;
                    _trouble = (_trouble ?? new()) with { Reason = reason };
                    _updatedAtTicks = now.UtcTicks;
                    return false;
                default:
                    return false;
            }
        }
    }

    /// <summary>Gets whether the run failed and was replayed since (a replay's Id is kept with it).</summary>
    public bool IsReplayed => Volatile.Read(ref _trouble)?.ReplayedBy is not null;

    /// <summary>Marks the failed run replayed by <paramref name="replayRunId"/>; false when it is not failed or already replayed.</summary>
    public bool TryMarkReplayed(string replayRunId, DateTimeOffset now)
    {
        lock (this)
        {
            if (CurrentStatus != RunStatus.Failed || _trouble?.ReplayedBy is not null)
            {
                return false;
            }

            _trouble = (_trouble ?? new()) with { ReplayedBy = replayRunId };
            _updatedAtTicks = now.UtcTicks;
            return true;
        }
    }

    public FunctionRun ToFunctionRun()
    {
        lock (this)
        {
            var history = AttemptHistory();
            return new FunctionRun
            {
                RunId = RunId,
                FunctionId = FunctionId,
                EventId = Event.Id,
                EventName = Event.Name,
                Status = CurrentStatus,
                Attempts = AttemptsMade,
                AttemptHistory = history,
                AttemptsNotKept = RunAttempts.NotKept(AttemptsMade, history),
                CreatedAt = CreatedAt ?? Event.Timestamp,
                UpdatedAt = new DateTimeOffset(_updatedAtTicks, TimeSpan.Zero),
                NextAttemptAt = CurrentStatus == RunStatus.RetryScheduled ? _trouble?.NextAttemptAt : null,
                ErrorType = _trouble?.ErrorType,
                ErrorMessage = _trouble?.ErrorMessage,
                FailedAt = _trouble?.FailedAt,
                Reason = _trouble?.Reason,
                ReplayOf = ReplayOf,
                ReplayedBy = _trouble?.ReplayedBy,
            };
        }
    }
}
