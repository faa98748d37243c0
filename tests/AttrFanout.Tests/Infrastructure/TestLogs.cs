using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Tests.Infrastructure;

/// <summary>Collects the log entries of one test's service provider.</summary>
public sealed class TestLogs : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public int Count(int eventId) => Entries.Count(e => e.EventId.Id == eventId && e.Category == "AttrFanout");

    private sealed class Logger(TestLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Entries.Enqueue((category, logLevel, eventId, formatter(state, exception), exception));
    }
}
