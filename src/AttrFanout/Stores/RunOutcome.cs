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

    /// <summary>Creates a <see cref="RunOutcomeKind.RetryScheduled"/> outcome.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="attempts">The attempts made.</param>
    /// <param name="at">When.</param>
    /// <param name="dueAt">When the next attempt is due.</param>
    /// <param name="error">The attempt's error.</param>
    public static RunOutcome RetryScheduled(string runId, int attempts, DateTimeOffset at, DateTimeOffset dueAt, Exception error) =>
        new(runId, RunOutcomeKind.RetryScheduled, attempts, at) { DueAt = dueAt, ErrorType = error.GetType().FullName, ErrorMessage = error.Message };

    /// <summary>Creates a <see cref="RunOutcomeKind.Failed"/> outcome.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="attempts">The attempts made.</param>
    /// <param name="at">When.</param>
    /// <param name="error">The last attempt's error.</param>
    public static RunOutcome Failed(string runId, int attempts, DateTimeOffset at, Exception error) =>
        new(runId, RunOutcomeKind.Failed, attempts, at) { ErrorType = error.GetType().FullName, ErrorMessage = error.Message };

    /// <summary>Creates a <see cref="RunOutcomeKind.Released"/> outcome.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="attempts">The attempts finished before the interruption.</param>
    /// <param name="at">When.</param>
    public static RunOutcome Released(string runId, int attempts, DateTimeOffset at) => new(runId, RunOutcomeKind.Released, attempts, at);

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
}
