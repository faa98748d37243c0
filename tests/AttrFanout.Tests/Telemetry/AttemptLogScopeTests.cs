using System.Collections.Concurrent;
using AttrFanout.Telemetry;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Tests.Telemetry;

[Event("tests/logscope.ping")]
public sealed partial record ScopePing(int Number);

public sealed class ScopedHandler(ILogger<ScopedHandler> logger)
{
    [OnEvent("tests/logscope.ping", Id = "scope-logger", Retries = 1)]
    public void Handle(ScopePing ping, FunctionContext context)
    {
        logger.LogInformation("handling ping {Number}", ping.Number);
        if (context.Attempt == 1)
        {
            throw new InvalidOperationException("first attempt fails");
        }
    }
}

public sealed class AttemptLogScopeTests
{
    [Fact]
    public async Task A_handlers_own_log_lines_carry_the_run_function_event_and_attempt()
    {
        var captured = new ScopeCapturingProvider();
        await using var app = TestApp.Create(services: s => s.AddLogging(b => b.AddProvider(captured)));

        var result = await app.Sender.SendAsync(new ScopePing(7));
        var run = Assert.Single(result.RunIds);
        await app.RunToEndAsync(run);

        var lines = captured.Lines.Where(l => l.Category == typeof(ScopedHandler).FullName).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l =>
        {
            Assert.Equal(run, l.Scope["RunId"]);
            Assert.Equal("scope-logger", l.Scope["FunctionId"]);
            Assert.Equal(result.EventId, l.Scope["EventId"]);
        });
        Assert.Equal(new object?[] { 1, 2 }, lines.Select(l => l.Scope["Attempt"]).Order());
        Assert.DoesNotContain(captured.Lines, l => l.Category == typeof(ScopedHandler).FullName && !l.Scope.ContainsKey("RunId"));
    }

    [Fact]
    public void No_scope_is_begun_when_no_logging_provider_is_registered()
    {
        using var bare = new ServiceCollection().AddLogging().BuildServiceProvider();
        using var withProvider = new ServiceCollection().AddLogging(b => b.AddProvider(new ScopeCapturingProvider())).BuildServiceProvider();

        Assert.False(AttemptLogScope.MayBeKept(bare));
        Assert.True(AttemptLogScope.MayBeKept(withProvider));
    }

    [Fact]
    public void Without_a_provider_the_engine_allocates_nothing_for_the_scope_it_skips()
    {
        using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("AttrFanout");
        var keep = AttemptLogScope.MayBeKept(services);
        (keep ? logger.BeginScope(new AttemptLogScope(null!)) : null)?.Dispose();

        var before = GC.GetAllocatedBytesForCurrentThread();
        (keep ? logger.BeginScope(new AttemptLogScope(null!)) : null)?.Dispose();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    private sealed class ScopeCapturingProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<(string Category, string Message, Dictionary<string, object?> Scope)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(ScopeCapturingProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, object?>();
                provider._scopes.ForEachScope(
                    static (s, into) =>
                    {
                        if (s is IEnumerable<KeyValuePair<string, object?>> values)
                        {
                            foreach (var (key, value) in values)
                            {
                                into[key] = value;
                            }
                        }
                    },
                    scope);
                provider.Lines.Enqueue((category, formatter(state, exception), scope));
            }
        }
    }
}
