using Microsoft.Extensions.Logging;

namespace AttrFanout.Dashboard.Events;

/// <summary>The event endpoint's log lines; none carries a key, not even a wrong one.</summary>
internal static partial class EventEndpointLog
{
    [LoggerMessage(EventId = 1801, Level = LogLevel.Error, Message = "The AttrFanout event endpoint '{Pattern}' has no event keys, so it refuses every request. Set AttrFanout:EventKeys (a list, for rotation) in configuration.")]
    public static partial void NoKeys(ILogger logger, string pattern);

    [LoggerMessage(EventId = 1802, Level = LogLevel.Warning, Message = "Refused a request to the AttrFanout event endpoint '{Pattern}' from {RemoteAddress}: {Reason}")]
    public static partial void Unauthorized(ILogger logger, string pattern, string? remoteAddress, string reason);

    [LoggerMessage(EventId = 1803, Level = LogLevel.Information, Message = "Refused the events of a request to '{Pattern}' ({Status}): {Error}")]
    public static partial void Refused(ILogger logger, string pattern, int status, string error);

    [LoggerMessage(EventId = 1804, Level = LogLevel.Debug, Message = "Accepted {Count} events on '{Pattern}' ({Duplicates} duplicates)")]
    public static partial void Accepted(ILogger logger, string pattern, int count, int duplicates);
}
