using AttrFanout.Nats.DeadLetters;

namespace AttrFanout.Nats.Store;

/// <summary>Shows dead letters as the runtime's failed runs.</summary>
internal static class FailedRuns
{
    public static FunctionRun ToRun(DeadLetter letter) => new()
    {
        RunId = letter.RunId,
        FunctionId = letter.FunctionId,
        EventId = letter.EventId ?? "",
        EventName = letter.EventName ?? "",
        Status = RunStatus.Failed,
        Attempts = letter.Attempts,
        CreatedAt = letter.EventTime ?? letter.FailedAt,
        UpdatedAt = letter.FailedAt,
        ErrorType = letter.ErrorType,
        ErrorMessage = letter.ErrorMessage,
        FailedAt = letter.FailedAt,
        ReplayedBy = letter.ReplayedBy,
    };
}
