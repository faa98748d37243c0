[assembly: AttrFanout.Generated.FanoutEvent(AttrFanout.FunctionSkipped.Name, typeof(AttrFanout.FunctionSkipped))]

namespace AttrFanout;

/// <summary>
/// The payload of the built-in event <c>attrfanout/function.skipped</c>, sent when a flow-control rule left a run out (a
/// rate limit, a singleton in skip mode) and <see cref="AttrFanoutOptions.AnnounceSkippedRuns"/> is on.
/// Subscribe with <c>[OnEvent("attrfanout/function.skipped")]</c>. A skipped run of a function subscribed to this event does not send it again.
/// </summary>
/// <param name="FunctionId">The function whose run was skipped.</param>
/// <param name="RunId">The skipped run.</param>
/// <param name="EventId">The event the run was for.</param>
/// <param name="EventName">The name of that event (not of this one, which is <see cref="Name"/>).</param>
/// <param name="Reason">Which rule left the run out, e.g. <c>rate limit 1 per 01:00:00 for key 'u-1'</c>.</param>
/// <param name="SkippedAt">When the run was skipped.</param>
public sealed record FunctionSkipped(
    string FunctionId,
    string RunId,
    string EventId,
    string EventName,
    string Reason,
    DateTimeOffset SkippedAt) : IEventPayload
{
    /// <summary>The name of the built-in event: <c>attrfanout/function.skipped</c>.</summary>
    public const string Name = "attrfanout/function.skipped";

    static string IEventPayload.EventName => Name;
}
