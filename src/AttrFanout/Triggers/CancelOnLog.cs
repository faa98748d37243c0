using Microsoft.Extensions.Logging;

namespace AttrFanout.Triggers;

/// <summary>The log messages of cancel-on-event, in the engine's range (1000–1999).</summary>
internal static partial class CancelOnLog
{
    [LoggerMessage(EventId = 1201, EventName = "CancelOnFailed", Level = LogLevel.Error,
        Message = "The event '{EventId}' ({EventName}) was accepted, but cancelling the runs of function '{FunctionId}' it matches failed; those runs carry on.")]
    public static partial void Failed(ILogger logger, string eventId, string eventName, string functionId, Exception exception);

    [LoggerMessage(EventId = 1202, EventName = "CancelOnLimitReached", Level = LogLevel.Warning,
        Message = "The event '{EventId}' ({EventName}) met {Limit} runs of function '{FunctionId}' it may cancel, the most one event checks; older runs beyond them carry on.")]
    public static partial void LimitReached(ILogger logger, string eventId, string eventName, string functionId, int limit);

    [LoggerMessage(EventId = 1203, EventName = "CancelOnConditionFailed", Level = LogLevel.Warning,
        Message = "The [CancelOn] condition of function '{FunctionId}' threw for run '{RunId}' and the event '{EventId}'; the run is not cancelled.")]
    public static partial void ConditionFailed(ILogger logger, string functionId, string runId, string eventId, Exception exception);
}
