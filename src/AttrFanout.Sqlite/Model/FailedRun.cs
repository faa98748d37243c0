namespace AttrFanout.Sqlite;

/// <summary>A dead-lettered run as listed.</summary>
internal sealed record FailedRun(
    string RunId,
    string FunctionId,
    string EventId,
    string EventName,
    DateTimeOffset EventTimestamp,
    int Attempt,
    int MaxAttempts,
    RunError Error,
    DateTimeOffset FailedAt);
