using AttrFanout.Nats.Retries;

namespace AttrFanout.Nats.Store;

/// <summary>Shows a run waiting in the retry bucket as the runtime's run.</summary>
internal static class WaitingRuns
{
    public static FunctionRun ToRun(WaitingRun waiting, string key, DateTimeOffset now) => new()
    {
        RunId = waiting.RunId,
        FunctionId = waiting.FunctionId,
        EventId = waiting.Event.Id,
        EventName = waiting.Event.Name,
        Status = RunStatus.RetryScheduled,
        Attempts = waiting.AttemptsMade,
        AttemptHistory = waiting.Attempts,
        AttemptsNotKept = Stores.RunAttempts.NotKept(waiting.AttemptsMade, waiting.Attempts),
        CreatedAt = waiting.Event.Timestamp,
        UpdatedAt = now,
        NextAttemptAt = RetryKey.TryGetDue(key, out var due) ? due : null,
    };
}
