namespace AttrFanout.Nats.Store;

/// <summary>Shows a run this process is executing as the runtime's run.</summary>
internal static class InFlightRuns
{
    public static FunctionRun ToRun(InFlightRun running, DateTimeOffset now) => new()
    {
        RunId = running.RunId,
        FunctionId = running.FunctionId,
        EventId = running.Event.Id,
        EventName = running.Event.Name,
        Status = RunStatus.Running,
        Attempts = running.AttemptsMade,
        AttemptHistory = running.History ?? [],
        AttemptsNotKept = Stores.RunAttempts.NotKept(running.AttemptsMade, running.History ?? []),
        CreatedAt = running.Event.Timestamp,
        UpdatedAt = now,
    };
}
