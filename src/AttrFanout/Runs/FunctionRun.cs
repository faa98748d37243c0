namespace AttrFanout;

/// <summary>One function's execution for one event, across its attempts, as the store keeps it.</summary>
public sealed record FunctionRun
{
    // Compared item by item, so two reads of the same run are equal as they were before runs carried their attempts.
    private readonly AttemptSequence _attemptHistory = AttemptSequence.Empty;

    /// <summary>Gets the run's Id.</summary>
    public required string RunId { get; init; }

    /// <summary>Gets the function's Id.</summary>
    public required string FunctionId { get; init; }

    /// <summary>Gets the Id of the event that started the run.</summary>
    public required string EventId { get; init; }

    /// <summary>Gets the name of the event that started the run.</summary>
    public required string EventName { get; init; }

    /// <summary>Gets where the run stands.</summary>
    public RunStatus Status { get; init; }

    /// <summary>Gets how many attempts have finished (failed or succeeded).</summary>
    public int Attempts { get; init; }

    /// <summary>
    /// Gets the attempts the store kept, oldest first: each with its times, outcome and error. An attempt executing now is
    /// not among them (<see cref="Status"/> is <see cref="RunStatus.Running"/>); what is missing is counted in <see cref="AttemptsNotKept"/>.
    /// </summary>
    public IReadOnlyList<RunAttempt> AttemptHistory
    {
        get => _attemptHistory.Items;
        init => _attemptHistory = new AttemptSequence(value ?? []);
    }

    /// <summary>
    /// Gets how many finished attempts are not in <see cref="AttemptHistory"/>: older ones let go by the store's bound, or
    /// ones never recorded (a process that crashed during them, a store that keeps no history); 0 when nothing is missing.
    /// </summary>
    public int AttemptsNotKept { get; init; }

    /// <summary>Gets when the run was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the run last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets when the next attempt is due, while <see cref="Status"/> is <see cref="RunStatus.RetryScheduled"/>.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>Gets the full name of the last error's type, e.g. <c>System.TimeoutException</c>.</summary>
    public string? ErrorType { get; init; }

    /// <summary>Gets the last error's message.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Gets when the run failed for good.</summary>
    public DateTimeOffset? FailedAt { get; init; }

    /// <summary>Gets why the run was skipped or cancelled, e.g. <c>rate limit 1 per 01:00:00 for key 'u-1'</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the Id of the failed run this run replays, if it is a replay.</summary>
    public string? ReplayOf { get; init; }

    /// <summary>Gets the Id of the run that replays this failed run, once it has been replayed.</summary>
    public string? ReplayedBy { get; init; }

    private readonly struct AttemptSequence(IReadOnlyList<RunAttempt> items) : IEquatable<AttemptSequence>
    {
        public static AttemptSequence Empty => new([]);

        public IReadOnlyList<RunAttempt> Items => items ?? [];

        public bool Equals(AttemptSequence other) => Items.SequenceEqual(other.Items);

        public override bool Equals(object? obj) => obj is AttemptSequence other && Equals(other);

        public override int GetHashCode() => Items.Count;
    }
}
