namespace AttrFanout.Stores;

/// <summary>The outcome of an attempt of a run, reported to the store: a value, so settling a run allocates nothing.</summary>
public readonly record struct RunOutcome
{
    private readonly string? _runId;

    private RunOutcome(string? runId, RunOutcomeKind kind, int attempts, DateTimeOffset at)
    {
        _runId = runId;
        Kind = kind;
        Attempts = attempts;
        At = at;
    }

    /// <summary>Gets the run's Id (the <see cref="Delivery"/>'s, for an outcome created from one).</summary>
    public string RunId => _runId ?? Delivery?.RunId ?? string.Empty;

    /// <summary>Gets how the attempt ended.</summary>
    public RunOutcomeKind Kind { get; }

    /// <summary>Gets how many attempts have finished, this one included (for <see cref="RunOutcomeKind.Released"/>: not included).</summary>
    public int Attempts { get; }

    /// <summary>Gets when the attempt ended.</summary>
    public DateTimeOffset At { get; }

    /// <summary>Gets why the run was deferred, skipped or cancelled.</summary>
    public string? Reason { get; private init; }

    /// <summary>Gets when the next attempt is due, for <see cref="RunOutcomeKind.RetryScheduled"/> and <see cref="RunOutcomeKind.Deferred"/>.</summary>
    public DateTimeOffset? DueAt { get; private init; }

    /// <summary>Gets the full name of the error's type, for a failed attempt.</summary>
    public string? ErrorType { get; private init; }

    /// <summary>Gets the error's message, for a failed attempt.</summary>
    public string? ErrorMessage { get; private init; }

    /// <summary>Gets the error's stack trace, at most <see cref="RunAttempt.MaxStackTraceLength"/> characters, for a failed attempt.</summary>
    public string? StackTrace { get; private init; }

    /// <summary>
    /// Gets when the attempt this outcome ends started; <see langword="null"/> when no attempt executed (a run skipped or
    /// deferred by flow control, handed back before it started, cancelled while it waited) or the reporter does not know.
    /// </summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Gets how the attempt ended, when this outcome ends one (<see cref="StartedAt"/> is set); <see langword="null"/> otherwise.</summary>
    public RunAttemptOutcome? AttemptOutcome => StartedAt is null ? null : Kind switch
    {
        RunOutcomeKind.Succeeded => RunAttemptOutcome.Succeeded,
        RunOutcomeKind.RetryScheduled => IsTimeout(ErrorType) ? RunAttemptOutcome.TimedOut : RunAttemptOutcome.FailedWillRetry,
        RunOutcomeKind.Failed => IsTimeout(ErrorType) ? RunAttemptOutcome.TimedOut : RunAttemptOutcome.Failed,
        RunOutcomeKind.Cancelled => RunAttemptOutcome.Cancelled,
        RunOutcomeKind.Released => RunAttemptOutcome.Interrupted,
        _ => null,
    };

    /// <summary>
    /// Gets the delivery this outcome settles, as the store handed it out, when the engine settles a run it took (so a store
    /// can find its own record without a lookup); <see langword="null"/> for an outcome built from a run Id alone.
    /// </summary>
    public RunDelivery? Delivery { get; init; }

    /// <summary>Creates a <see cref="RunOutcomeKind.Succeeded"/> outcome.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="attempts">The attempts made.</param>
    /// <param name="at">When.</param>
    public static RunOutcome Succeeded(string runId, int attempts, DateTimeOffset at) => new(runId, RunOutcomeKind.Succeeded, attempts, at);

    /// <summary>
    /// Creates a <see cref="RunOutcomeKind.Succeeded"/> outcome of <paramref name="delivery"/>, whose run Id is read from the
    /// delivery only when asked for (a store that finds its record through <see cref="Delivery"/> may never need it).
    /// </summary>
    /// <param name="delivery">The delivery the attempt executed.</param>
    /// <param name="attempts">The attempts made.</param>
    /// <param name="at">When.</param>
    public static RunOutcome Succeeded(RunDelivery delivery, int attempts, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new(null, RunOutcomeKind.Succeeded, attempts, at) { Delivery = delivery };
    }

    /// <summary>The success of the attempt of <paramref name="delivery"/> that started at <paramref name="startedAt"/>, built in one go (the engine's hot path).</summary>
    internal static RunOutcome SucceededAttempt(RunDelivery delivery, int attempts, DateTimeOffset at, DateTimeOffset startedAt) =>
        new(null, RunOutcomeKind.Succeeded, attempts, at) { Delivery = delivery, StartedAt = startedAt };

    /// <summary>Creates a <see cref="RunOutcomeKind.RetryScheduled"/> outcome.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="attempts">The attempts made.</param>
    /// <param name="at">When.</param>
    /// <param name="dueAt">When the next attempt is due.</param>
    /// <param name="error">The attempt's error.</param>
    public static RunOutcome RetryScheduled(string runId, int attempts, DateTimeOffset at, DateTimeOffset dueAt, Exception error) =>
        new(runId, RunOutcomeKind.RetryScheduled, attempts, at) { DueAt = dueAt, ErrorType = error.GetType().FullName, ErrorMessage = error.Message, StackTrace = RunAttempt.Bound(error.StackTrace) };

    /// <summary>Creates a <see cref="RunOutcomeKind.Failed"/> outcome.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="attempts">The attempts made.</param>
    /// <param name="at">When.</param>
    /// <param name="error">The last attempt's error.</param>
    public static RunOutcome Failed(string runId, int attempts, DateTimeOffset at, Exception error) =>
        new(runId, RunOutcomeKind.Failed, attempts, at) { ErrorType = error.GetType().FullName, ErrorMessage = error.Message, StackTrace = RunAttempt.Bound(error.StackTrace) };

    /// <summary>Creates a <see cref="RunOutcomeKind.Released"/> outcome.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="attempts">The attempts finished before the interruption.</param>
    /// <param name="at">When.</param>
    public static RunOutcome Released(string runId, int attempts, DateTimeOffset at) => new(runId, RunOutcomeKind.Released, attempts, at);

    /// <summary>Creates a <see cref="RunOutcomeKind.Released"/> outcome of an attempt that executed and was interrupted by <paramref name="error"/>.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="attempts">The attempts finished before the interrupted one.</param>
    /// <param name="at">When.</param>
    /// <param name="startedAt">When the interrupted attempt started.</param>
    /// <param name="error">What the interrupted attempt ended with.</param>
    public static RunOutcome Released(string runId, int attempts, DateTimeOffset at, DateTimeOffset startedAt, Exception error) =>
        new(runId, RunOutcomeKind.Released, attempts, at)
        {
            StartedAt = startedAt, ErrorType = error.GetType().FullName, ErrorMessage = error.Message, StackTrace = RunAttempt.Bound(error.StackTrace),
        };

    /// <summary>Creates a <see cref="RunOutcomeKind.Deferred"/> outcome: the run is due again at <paramref name="dueAt"/>, its attempts unchanged.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="attempts">The attempts finished so far (unchanged).</param>
    /// <param name="at">When.</param>
    /// <param name="dueAt">When the run is due again.</param>
    /// <param name="reason">What holds it back.</param>
    public static RunOutcome Deferred(string runId, int attempts, DateTimeOffset at, DateTimeOffset dueAt, string reason) =>
        new(runId, RunOutcomeKind.Deferred, attempts, at) { DueAt = dueAt, Reason = reason };

    /// <summary>Creates a <see cref="RunOutcomeKind.Skipped"/> outcome.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="attempts">The attempts finished so far.</param>
    /// <param name="at">When.</param>
    /// <param name="reason">Which rule left the run out.</param>
    public static RunOutcome Skipped(string runId, int attempts, DateTimeOffset at, string reason) =>
        new(runId, RunOutcomeKind.Skipped, attempts, at) { Reason = reason };

    /// <summary>Creates a <see cref="RunOutcomeKind.Cancelled"/> outcome.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="attempts">The attempts finished, the cancelled one included when one was executing.</param>
    /// <param name="at">When.</param>
    /// <param name="reason">By what the run was cancelled.</param>
    public static RunOutcome Cancelled(string runId, int attempts, DateTimeOffset at, string reason) =>
        new(runId, RunOutcomeKind.Cancelled, attempts, at) { Reason = reason };

    private static bool IsTimeout(string? errorType) => string.Equals(errorType, "Polly.Timeout.TimeoutRejectedException", StringComparison.Ordinal);
}
