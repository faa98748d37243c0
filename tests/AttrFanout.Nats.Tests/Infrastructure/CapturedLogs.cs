using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Nats.Tests.Infrastructure;

/// <summary>A logger provider that keeps every entry at or above a level, for tests that check what an app logs.</summary>
internal sealed class CapturedLogs(LogLevel minimum) : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, int EventId, string Message, Exception? Error)> Entries { get; } = new();

    public IEnumerable<string> Lines => Entries.Select(e => $"{e.Level} {e.Category}[{e.EventId}]: {e.Message} {e.Error}");

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogsMinimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                logs.Entries.Enqueue((logLevel, category, eventId.Id, formatter(state, exception), exception));
            }
        }

        private LogLevel LogsMinimum => logs.Minimum;
    }

    public LogLevel Minimum => minimum;
}
