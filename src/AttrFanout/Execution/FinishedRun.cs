using AttrFanout.Stores;

namespace AttrFanout.Execution;

/// <summary>Builds the view of a run that just ended from what the engine saw, when that is the whole story.</summary>
internal static class FinishedRun
{
    /// <summary>
    /// Returns the run as the store now shows it, or <see langword="null"/> when the engine cannot tell without reading
    /// it back: the store did not hand over its creation time, or attempts of earlier deliveries left their mark.
    /// </summary>
    public static FunctionRun? From(RunState state, RunOutcome outcome)
    {
        var delivery = state.Delivery;
        if (delivery.CreatedAt is not { } createdAt || delivery.Attempts != 0)
        {
            return null;
        }

        var failed = outcome.Kind == RunOutcomeKind.Failed;
        return new FunctionRun
        {
            RunId = delivery.RunId,
            FunctionId = delivery.FunctionId,
            EventId = delivery.Event.Id,
            EventName = delivery.Event.Name,
            Status = failed ? RunStatus.Failed : RunStatus.Succeeded,
            Attempts = outcome.Attempts,
            CreatedAt = createdAt,
            UpdatedAt = outcome.At,
            ErrorType = failed ? outcome.ErrorType : null,
            ErrorMessage = failed ? outcome.ErrorMessage : null,
            FailedAt = failed ? outcome.At : null,
            ReplayOf = delivery.ReplayOf,
        };
    }
}
