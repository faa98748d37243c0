namespace AttrFanout.Sqlite;

/// <summary>The stored state of one run.</summary>
internal sealed record RunSnapshot(
    string RunId,
    string EventId,
    string FunctionId,
    StoredRunStatus Status,
    int Attempt,
    int AttemptLeases,
    int MaxAttempts,
    DateTimeOffset? DueAt,
    string? LeaseOwner,
    DateTimeOffset? LeaseUntil,
    RunError? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt);
