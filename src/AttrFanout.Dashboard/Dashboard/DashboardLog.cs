using Microsoft.Extensions.Logging;

namespace AttrFanout.Dashboard;

/// <summary>The dashboard's log lines.</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 1811, Level = LogLevel.Warning, Message = "Refused a dashboard request from {RemoteAddress}: no authorization policy is set, so only requests from this machine are served (set DashboardOptions.AuthorizationPolicy)")]
    public static partial void NotLocal(ILogger logger, string? remoteAddress);

    [LoggerMessage(EventId = 1812, Level = LogLevel.Warning, Message = "Refused a dashboard change from {RemoteAddress}: {Reason}")]
    public static partial void CrossSite(ILogger logger, string? remoteAddress, string reason);

    [LoggerMessage(EventId = 1813, Level = LogLevel.Information, Message = "Dashboard: replayed run {RunId} as {ReplayId}")]
    public static partial void Replayed(ILogger logger, string runId, string replayId);

    [LoggerMessage(EventId = 1814, Level = LogLevel.Information, Message = "Dashboard: replayed {Count} failed runs (function {FunctionId}, event {EventName})")]
    public static partial void ReplayedMany(ILogger logger, int count, string? functionId, string? eventName);

    [LoggerMessage(EventId = 1815, Level = LogLevel.Information, Message = "Dashboard: cancelled run {RunId}")]
    public static partial void Cancelled(ILogger logger, string runId);
}
