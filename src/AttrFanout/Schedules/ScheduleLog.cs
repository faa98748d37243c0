using Microsoft.Extensions.Logging;

namespace AttrFanout.Schedules;

/// <summary>The log messages of schedules, in the engine's range (1100–1199).</summary>
internal static partial class ScheduleLog
{
    [LoggerMessage(EventId = 1101, EventName = "ScheduleStarted", Level = LogLevel.Debug,
        Message = "Function '{FunctionId}' runs on the schedule '{Cron}'; next tick {NextTick:O}.")]
    public static partial void Started(ILogger logger, string functionId, string cron, DateTimeOffset? nextTick);

    [LoggerMessage(EventId = 1102, EventName = "TickTakenElsewhere", Level = LogLevel.Debug,
        Message = "The tick {Tick:O} of function '{FunctionId}' was already sent by another process (or an earlier start); no second run.")]
    public static partial void TickTakenElsewhere(ILogger logger, string functionId, DateTimeOffset tick);

    [LoggerMessage(EventId = 1103, EventName = "TickMissed", Level = LogLevel.Warning,
        Message = "The tick {Tick:O} of function '{FunctionId}' was not sent before the next one was due (the store kept failing); it is skipped ({Missed} of its ticks missed since the last report, this one included).")]
    public static partial void TickMissed(ILogger logger, string functionId, DateTimeOffset tick, int missed);
}
