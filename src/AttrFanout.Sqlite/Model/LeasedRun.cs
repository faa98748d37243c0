namespace AttrFanout.Sqlite;

/// <summary>A run leased to one owner until <see cref="LeaseUntil"/>, with everything needed to execute it.</summary>
internal sealed record LeasedRun(
    string RunId,
    string FunctionId,
    int Attempt,
    int MaxAttempts,
    DateTimeOffset LeaseUntil,
    string EventId,
    string EventName,
    DateTimeOffset EventTimestamp,
    byte[] Payload);
