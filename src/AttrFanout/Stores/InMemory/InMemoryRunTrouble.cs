namespace AttrFanout.Stores.InMemory;

/// <summary>What an in-memory run keeps only once an attempt failed: the last error, the next attempt, the failure, the replay.</summary>
internal sealed record InMemoryRunTrouble
{
    public string? ErrorType { get; init; }

    public string? ErrorMessage { get; init; }

    public DateTimeOffset? NextAttemptAt { get; init; }

    public DateTimeOffset? FailedAt { get; init; }

    public string? ReplayedBy { get; init; }
}
