namespace AttrFanout.Stores.InMemory;

/// <summary>
/// What an in-memory run keeps only once something out of the ordinary happened: the last error, the next attempt, the
/// failure, the replay, why it was skipped or cancelled, a cancellation asked for while it executed, the attempts.
/// </summary>
internal sealed record InMemoryRunTrouble
{
    /// <summary>Gets the latest attempts, oldest first, at most <see cref="RunAttempts.DefaultLimit"/>.</summary>
    public RunAttempt[] History { get; init; } = [];

    /// <summary>Gets the attempts made, when an outcome reported more than one more than its delivery carried.</summary>
    public int? AttemptsMade { get; init; }

    public string? ErrorType { get; init; }

    public string? ErrorMessage { get; init; }

    public DateTimeOffset? NextAttemptAt { get; init; }

    public DateTimeOffset? FailedAt { get; init; }

    public string? ReplayedBy { get; init; }

    public string? Reason { get; init; }

    public string? CancelReason { get; init; }

    public ulong ReplaySequence { get; init; }

    /// <summary>A copy of <paramref name="history"/> with <paramref name="attempt"/> last, letting the oldest go beyond the bound.</summary>
    public static RunAttempt[] Append(RunAttempt[] history, RunAttempt attempt)
    {
        var kept = Math.Min(history.Length, RunAttempts.DefaultLimit - 1);
        var appended = new RunAttempt[kept + 1];
        Array.Copy(history, history.Length - kept, appended, 0, kept);
        appended[kept] = attempt;
        return appended;
    }
}
