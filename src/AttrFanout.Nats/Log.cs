using Microsoft.Extensions.Logging;

namespace AttrFanout.Nats;

/// <summary>The package's log messages, with fixed event Ids in the NATS store's range, 3000–3999 (the engine 1000–1999, SQLite 2000–2999).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, EventName = "NatsProvisioned", Level = LogLevel.Information, Message = "AttrFanout on NATS JetStream: stream '{Stream}', {Functions} function consumer(s) ready at {Url}")]
    public static partial void Provisioned(ILogger logger, string stream, int functions, string url);

    [LoggerMessage(EventId = 3002, EventName = "NatsDeadLettered", Level = LogLevel.Warning, Message = "Message {Sequence} on '{Subject}' dead-lettered for function '{FunctionId}': {Error}")]
    public static partial void DeadLettered(ILogger logger, ulong sequence, string subject, string functionId, string error);

    [LoggerMessage(EventId = 3003, EventName = "NatsReportFailed", Level = LogLevel.Warning, Message = "Could not report run '{RunId}' to the server; it will be redelivered after its ack wait")]
    public static partial void ReportFailed(ILogger logger, string runId, Exception error);

    [LoggerMessage(EventId = 3004, EventName = "NatsIntakeFailed", Level = LogLevel.Error, Message = "The intake consumer failed; retrying")]
    public static partial void IntakeFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 3005, EventName = "NatsFailureEventNotSent", Level = LogLevel.Warning, Message = "Could not send the failure event for run '{RunId}'")]
    public static partial void FailureEventNotSent(ILogger logger, string runId, Exception error);

    [LoggerMessage(EventId = 3006, EventName = "NatsPullFailed", Level = LogLevel.Warning, Message = "A pull request to consumer '{Consumer}' ended with {Code} {Text}; asking again in a second")]
    public static partial void PullFailed(ILogger logger, string consumer, int code, string? text);

    [LoggerMessage(EventId = 3007, EventName = "NatsRetryWatchFailed", Level = LogLevel.Warning, Message = "Watching the retry bucket '{Bucket}' failed ({Error}); watching again in a second")]
    public static partial void RetryWatchFailed(ILogger logger, string bucket, string error);

    [LoggerMessage(EventId = 3008, EventName = "NatsRetryReplayFailed", Level = LogLevel.Warning, Message = "Could not replay the waiting run '{Key}' ({Error}); each due run is tried again every second, and this is said again at most once a minute")]
    public static partial void RetryReplayFailed(ILogger logger, string key, string error);

    [LoggerMessage(EventId = 3009, EventName = "NatsRetryUnreadable", Level = LogLevel.Error, Message = "The waiting run '{Key}' in bucket '{Bucket}' is unreadable and was removed")]
    public static partial void RetryUnreadable(ILogger logger, string key, string bucket);

    [LoggerMessage(EventId = 3010, EventName = "NatsServerUnreachable", Level = LogLevel.Error, Message = "Cannot reach the NATS server at {Servers} ({Error}). Start it with JetStream enabled (nats-server -js), or fix the connection (URL, credentials, TLS: UseNatsJetStream or the app's AddNatsClient); AttrFanout tries again every {RetryIn} and says so again at most every {Interval}")]
    public static partial void ServerUnreachable(ILogger logger, string servers, string error, TimeSpan retryIn, TimeSpan interval);

    [LoggerMessage(EventId = 3011, EventName = "NatsServerStillUnreachable", Level = LogLevel.Warning, Message = "The NATS server at {Servers} is still unreachable after {Down} ({Failures} tries): {Error}")]
    public static partial void ServerStillUnreachable(ILogger logger, string servers, TimeSpan down, int failures, string error);

    [LoggerMessage(EventId = 3012, EventName = "NatsServerReachable", Level = LogLevel.Information, Message = "Reached the NATS server at {Servers} again")]
    public static partial void ServerReachable(ILogger logger, string servers);

    [LoggerMessage(EventId = 3013, EventName = "NatsOrphanedConsumer", Level = LogLevel.Warning, Message = "Consumer '{Consumer}' on stream '{Stream}' is for the function '{FunctionId}' of this app ('{App}'), which it no longer declares (removed or renamed); the stream keeps every later event of its subject for it ({Pending} waiting now). Remove it with 'nats consumer rm {Stream} {Consumer}' once no instance of an older version runs, or set NatsJetStreamOptions.DeleteOrphanedConsumers")]
    public static partial void OrphanedConsumer(ILogger logger, string consumer, string stream, string functionId, string app, ulong pending);

    [LoggerMessage(EventId = 3014, EventName = "NatsOrphanedConsumerDeleted", Level = LogLevel.Information, Message = "Deleted consumer '{Consumer}' on stream '{Stream}': this app no longer declares the function '{FunctionId}' ({Pending} messages were waiting for it)")]
    public static partial void OrphanedConsumerDeleted(ILogger logger, string consumer, string stream, string functionId, ulong pending);

    [LoggerMessage(EventId = 3015, EventName = "NatsUnownedConsumer", Level = LogLevel.Warning, Message = "Consumer '{Consumer}' on stream '{Stream}' is for a function '{FunctionId}' that this app does not declare, and names no app (made by a build before apps were recorded) ({Pending} messages waiting for it). If no app sharing the stream declares '{FunctionId}' any more, remove it with 'nats consumer rm {Stream} {Consumer}'")]
    public static partial void UnownedConsumer(ILogger logger, string consumer, string stream, string functionId, ulong pending);

    [LoggerMessage(EventId = 3016, EventName = "NatsRefused", Level = LogLevel.Critical, Message = "AttrFanout on NATS JetStream does not start this app's functions: {Error}")]
    public static partial void Refused(ILogger logger, string error);
}
