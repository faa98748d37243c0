namespace AttrFanout.Stores.InMemory;

/// <summary>
/// What an in-memory run keeps only once something out of the ordinary happened: the last error, the next attempt, the
/// failure, the replay, why it was skipped or cancelled, a cancellation asked for while it executed.
/// </summary>
internal sealed record InMemoryRunTrouble
{
    public string? ErrorType { get; init; }

    public string? ErrorMessage { get; init; }

    public DateTimeOffset? NextAttemptAt { get; init; }

    public DateTimeOffset? FailedAt { get; init; }

    public string? ReplayedBy { get; init; }

    public string? Reason { get; init; }

    public string? CancelReason { get; init; }

    public ulong ReplaySequence { get; init; }
}
