using Microsoft.Extensions.Logging;

namespace AttrFanout.Nats;

/// <summary>The log messages of cancel-on-event on JetStream.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3201, EventName = "NatsCancelOnCheckFailed", Level = LogLevel.Warning, Message = "Could not check a run of function '{FunctionId}' against the cancelling event '{EventId}'; the run is not cancelled by it")]
    public static partial void CancelOnCheckFailed(ILogger logger, string functionId, string eventId, Exception error);

    [LoggerMessage(EventId = 3202, EventName = "NatsCancelOnAnnounceFailed", Level = LogLevel.Warning, Message = "Could not ask the executing run '{RunId}' to stop for a cancelling event; it carries on")]
    public static partial void CancelOnAnnounceFailed(ILogger logger, string runId, Exception error);
}
