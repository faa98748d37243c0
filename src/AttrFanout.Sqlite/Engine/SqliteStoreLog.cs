using Microsoft.Extensions.Logging;

namespace AttrFanout.Sqlite.Engine;

internal static partial class SqliteStoreLog
{
    [LoggerMessage(EventId = 2001, EventName = "SqliteStoreOpened", Level = LogLevel.Information,
        Message = "SQLite store opened at '{DataSource}' (schema version {SchemaVersion}); owner {Owner}.")]
    public static partial void Opened(ILogger logger, string dataSource, int schemaVersion, string owner);

    [LoggerMessage(EventId = 2002, EventName = "SqliteLeaseLost", Level = LogLevel.Warning,
        Message = "Run {RunId} is no longer leased to this process (its lease expired and another owner took it, or it was released): its outcome was not recorded here.")]
    public static partial void LeaseLost(ILogger logger, string runId);

    [LoggerMessage(EventId = 2004, EventName = "SqliteBackgroundError", Level = LogLevel.Error,
        Message = "The SQLite store's {Task} on '{DataSource}' failed; it tries again at its next tick and logs the same failure again at most once a minute.")]
    public static partial void BackgroundError(ILogger logger, string task, string dataSource, Exception error);

    [LoggerMessage(EventId = 2006, EventName = "SqliteBackgroundErrorRepeated", Level = LogLevel.Warning,
        Message = "The SQLite store's {Task} on '{DataSource}' still fails ({Repeated} times since it was last logged): {ErrorMessage}")]
    public static partial void BackgroundErrorRepeated(ILogger logger, string task, string dataSource, int repeated, string errorMessage);

    [LoggerMessage(EventId = 2005, EventName = "SqlitePruned", Level = LogLevel.Debug,
        Message = "Pruned {SucceededRuns} succeeded runs, {FailedRuns} failed runs and {Events} events.")]
    public static partial void Pruned(ILogger logger, int succeededRuns, int failedRuns, int events);

    [LoggerMessage(EventId = 2007, EventName = "SqliteOrphanedRuns", Level = LogLevel.Warning,
        Message = "'{DataSource}' holds {Runs} unfinished runs of function '{FunctionId}', which this app does not declare (removed, or renamed: a function's Id is how its runs are found). " +
                  "No process of this app will run them; while another version of the app that declares it shares the file, that version does. See docs/durability.md#runs-of-a-function-that-no-longer-exists.")]
    public static partial void OrphanedRuns(ILogger logger, string dataSource, long runs, string functionId);
}
