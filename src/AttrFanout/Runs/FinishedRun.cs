using AttrFanout.Engine;
using AttrFanout.Stores;

namespace AttrFanout.Runs;

/// <summary>Builds the view of a run that just ended from what the engine saw.</summary>
internal static class FinishedRun
{
    /// <summary>Gets whether the engine's view is the whole story: the store handed over the run's creation time and no earlier delivery left its mark.</summary>
    public static bool IsComplete(RunState state) => state.Delivery is { CreatedAt: not null, Attempts: 0 };

    /// <summary>
    /// Returns the run as the engine saw it end, with the attempt that ended it when it was its only one; when not
    /// <see cref="IsComplete"/>, the creation time falls back to the event's and the earlier attempts are counted as not kept.
    /// </summary>
    public static FunctionRun From(RunState state, RunOutcome outcome)
    {
        var delivery = state.Delivery;
        var failed = outcome.Kind == RunOutcomeKind.Failed;
        IReadOnlyList<RunAttempt> history = IsComplete(state) && RunAttempts.Of(outcome) is { } attempt ? [attempt] : [];
        return new FunctionRun
        {
            RunId = delivery.RunId,
            FunctionId = delivery.FunctionId,
            EventId = delivery.Event.Id,
            EventName = delivery.Event.Name,
            Status = outcome.Kind switch
            {
                RunOutcomeKind.Failed => RunStatus.Failed,
                RunOutcomeKind.Skipped => RunStatus.Skipped,
                RunOutcomeKind.Cancelled => RunStatus.Cancelled,
                _ => RunStatus.Succeeded,
            },
            Attempts = outcome.Attempts,
            AttemptHistory = history,
            AttemptsNotKept = RunAttempts.NotKept(outcome.Attempts, history),
            CreatedAt = delivery.CreatedAt ?? delivery.Event.Timestamp,
            UpdatedAt = outcome.At,
            ErrorType = failed ? outcome.ErrorType : null,
            ErrorMessage = failed ? outcome.ErrorMessage : null,
            FailedAt = failed ? outcome.At : null,
            Reason = outcome.Reason,
            ReplayOf = delivery.ReplayOf,
        };
    }
}
