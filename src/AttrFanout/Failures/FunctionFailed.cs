[assembly: AttrFanout.Generated.FanoutEvent(AttrFanout.FunctionFailed.Name, typeof(AttrFanout.FunctionFailed))]

namespace AttrFanout;

/// <summary>
/// The payload of the built-in event <c>attrfanout/function.failed</c>, sent when a run fails for good.
/// Subscribe with <c>[OnEvent("attrfanout/function.failed")]</c> to alert, compensate or clean up.
/// A failure of a function subscribed to this event does not send it again.
/// </summary>
/// <param name="FunctionId">The function whose run failed.</param>
/// <param name="RunId">The failed run; replay it with <see cref="IFunctionRuns.ReplayAsync(string, CancellationToken)"/>.</param>
/// <param name="EventId">The event the run was for.</param>
/// <param name="EventName">The name of that event (not of this one, which is <see cref="Name"/>).</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="ErrorType">The full name of the last error's type.</param>
/// <param name="ErrorMessage">The last error's message.</param>
/// <param name="FailedAt">When the run failed.</param>
public sealed record FunctionFailed(
    string FunctionId,
    string RunId,
    string EventId,
    string EventName,
    int Attempts,
    string ErrorType,
    string ErrorMessage,
    DateTimeOffset FailedAt) : IEventPayload
{
    /// <summary>The name of the built-in event: <c>attrfanout/function.failed</c>.</summary>
    public const string Name = "attrfanout/function.failed";

    static string IEventPayload.EventName => Name;
}
