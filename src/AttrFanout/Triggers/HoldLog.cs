using Microsoft.Extensions.Logging;

namespace AttrFanout.Triggers;

/// <summary>The log messages of debounces and batches, in the engine's range (1100–1199).</summary>
internal static partial class HoldLog
{
    [LoggerMessage(EventId = 1131, EventName = "EventHeld", Level = LogLevel.Debug,
        Message = "Function '{FunctionId}' held event '{EventId}' in its {Attribute} for key '{Key}' ({Outcome}); the hold is due at {DueAt:O}.")]
    public static partial void Held(ILogger logger, string functionId, string eventId, string attribute, string key, string outcome, DateTimeOffset dueAt);

    [LoggerMessage(EventId = 1132, EventName = "HoldFlushed", Level = LogLevel.Debug,
        Message = "Function '{FunctionId}' runs its {Attribute} for key '{Key}' with {Count} event(s) as event '{EventId}'{Duplicate}.")]
    public static partial void Flushed(ILogger logger, string functionId, string attribute, string key, int count, string eventId, string duplicate);
}
