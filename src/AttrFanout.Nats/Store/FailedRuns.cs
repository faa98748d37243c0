using AttrFanout.Nats.DeadLetters;

namespace AttrFanout.Nats.Store;

/// <summary>Shows dead letters as the runtime's failed runs, and the skipped and cancelled runs kept beside them as such.</summary>
internal static class FailedRuns
{
    public static FunctionRun ToRun(DeadLetter letter)
    {
        var history = Wire.AttemptHistoryHeader.Decode(letter.AttemptHistory);
        return new()
        {
        RunId = letter.RunId,
        FunctionId = letter.FunctionId,
        EventId = letter.EventId ?? "",
        EventName = letter.EventName ?? "",
        Status = letter.Status,
        Reason = letter.Reason,
        Attempts = letter.Attempts,
        CreatedAt = letter.EventTime ?? letter.FailedAt,
        UpdatedAt = letter.FailedAt,
        ErrorType = letter.Status == RunStatus.Failed ? letter.ErrorType : null,
        ErrorMessage = letter.Status == RunStatus.Failed ? letter.ErrorMessage : null,
        FailedAt = letter.Status == RunStatus.Failed ? letter.FailedAt : null,
        ReplayedBy = letter.ReplayedBy,
        AttemptHistory = history,
        AttemptsNotKept = Stores.RunAttempts.NotKept(letter.Attempts, history),
        };
    }
}
