using AttrFanout.Stores;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Telemetry;

/// <summary>AttrFanout's log messages, with fixed event Ids: the engine's range is 1000–1999 (SQLite 2000–2999, NATS 3000–3999).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, EventName = "EngineStarted", Level = LogLevel.Debug,
        Message = "AttrFanout started with {FunctionCount} functions, process-wide concurrency limit {MaxConcurrency}.")]
    public static partial void EngineStarted(ILogger logger, int functionCount, string maxConcurrency);

    [LoggerMessage(EventId = 1002, EventName = "InMemoryStore", Level = LogLevel.Warning,
        Message = "AttrFanout keeps events and runs in memory: pending and failed runs do not survive a restart. Use a durable store for production.")]
    public static partial void InMemoryStore(ILogger logger);

    [LoggerMessage(EventId = 1003, EventName = "AttemptFailed", Level = LogLevel.Warning,
        Message = "Function '{FunctionId}' attempt {Attempt} failed for event '{EventId}' (run '{RunId}'); next attempt in {RetryDelay}.")]
    public static partial void AttemptFailed(ILogger logger, string functionId, int attempt, string eventId, string runId, TimeSpan retryDelay, Exception exception);

    [LoggerMessage(EventId = 1004, EventName = "RunFailed", Level = LogLevel.Error,
        Message = "Function '{FunctionId}' failed for event '{EventId}' after {Attempts} attempts (run '{RunId}').")]
    public static partial void RunFailed(ILogger logger, string functionId, string eventId, int attempts, string runId, Exception exception);

    [LoggerMessage(EventId = 1005, EventName = "EngineError", Level = LogLevel.Error,
        Message = "AttrFanout's {Where} failed for function '{FunctionId}' and carries on; the same failure is logged again at most once a minute.")]
    public static partial void EngineError(ILogger logger, string where, string functionId, Exception exception);

    [LoggerMessage(EventId = 1010, EventName = "EngineErrorRepeated", Level = LogLevel.Warning,
        Message = "AttrFanout's {Where} still fails ({Repeated} times since it was last logged): {ErrorType}: {ErrorMessage}")]
    public static partial void EngineErrorRepeated(ILogger logger, string where, int repeated, string errorType, string errorMessage);

    [LoggerMessage(EventId = 1006, EventName = "Stopping", Level = LogLevel.Information,
        Message = "AttrFanout is stopping: {InFlight} runs in flight get {DrainTimeout} to finish.")]
    public static partial void Stopping(ILogger logger, int inFlight, TimeSpan drainTimeout);

    [LoggerMessage(EventId = 1007, EventName = "DrainTimedOut", Level = LogLevel.Warning,
        Message = "AttrFanout cancelled {InFlight} attempts still in flight after the shutdown timeout; their runs go back to pending.")]
    public static partial void DrainTimedOut(ILogger logger, int inFlight);

    [LoggerMessage(EventId = 1008, EventName = "FailureEventNotSent", Level = LogLevel.Error,
        Message = "The event 'attrfanout/function.failed' for run '{RunId}' of function '{FunctionId}' could not be sent.")]
    public static partial void FailureEventNotSent(ILogger logger, string runId, string functionId, Exception exception);

    [LoggerMessage(EventId = 1009, EventName = "RunsAbandoned", Level = LogLevel.Warning,
        Message = "AttrFanout handed back {Count} runs whose handlers ignored cancellation for {Grace} after the shutdown timeout; another process may run them while those handlers still execute here.")]
    public static partial void RunsAbandoned(ILogger logger, int count, TimeSpan grace);

    [LoggerMessage(EventId = 1011, EventName = "FlowKeyExempt", Level = LogLevel.Information,
        Message = "A run of function '{FunctionId}' has a null key '{KeyExpression}' for its {Rule} rule and is exempt from it; further runs with a null key for this rule are not logged.")]
    public static partial void FlowKeyExempt(ILogger logger, string functionId, string rule, string keyExpression);

    [LoggerMessage(EventId = 1012, EventName = "RunSkipped", Level = LogLevel.Information,
        Message = "Function '{FunctionId}' skipped run '{RunId}' for event '{EventId}': {Reason}.")]
    public static partial void RunSkipped(ILogger logger, string functionId, string runId, string eventId, string reason);

    [LoggerMessage(EventId = 1013, EventName = "RunDeferred", Level = LogLevel.Debug,
        Message = "Function '{FunctionId}' deferred run '{RunId}' until {DueAt}: {Reason}.")]
    public static partial void RunDeferred(ILogger logger, string functionId, string runId, DateTimeOffset dueAt, string reason);

    [LoggerMessage(EventId = 1014, EventName = "RunCancelled", Level = LogLevel.Information,
        Message = "Function '{FunctionId}' run '{RunId}' for event '{EventId}' was cancelled: {Reason}.")]
    public static partial void RunCancelled(ILogger logger, string functionId, string runId, string eventId, string reason);

    [LoggerMessage(EventId = 1015, EventName = "SkippedEventNotSent", Level = LogLevel.Error,
        Message = "The event 'attrfanout/function.skipped' for run '{RunId}' of function '{FunctionId}' could not be sent.")]
    public static partial void SkippedEventNotSent(ILogger logger, string runId, string functionId, Exception exception);

    /// <summary>Logs an engine failure in full the first time, then as a short reminder at a throttled rate.</summary>
    public static void EngineFailure(ILogger logger, FailureThrottle throttle, string where, string functionId, Exception error)
    {
        if (!throttle.ShouldLog(where, error, out var repeated))
        {
            return;
        }

        if (repeated == 0)
        {
            EngineError(logger, where, functionId, error);
        }
        else
        {
            EngineErrorRepeated(logger, where, repeated, error.GetType().FullName ?? error.GetType().Name, error.Message);
        }
    }
}
