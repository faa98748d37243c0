using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary>Keeps every log line of an app, to show in a failure.</summary>
internal sealed class TestLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public override string ToString() => string.Join(Environment.NewLine, _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(TestLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._lines.Enqueue($"{logLevel} {formatter(state, exception)} {exception}");
    }
}
