using AttrFanout.Engine;
using AttrFanout.Stores.InMemory;
using AttrFanout.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Tests.Infrastructure;

/// <summary>One test's app: the test assembly's functions over a fake clock, without a host.</summary>
public sealed class TestApp : IAsyncDisposable
{
    private TestApp(ServiceProvider provider, TestClock clock, TestLogs logs)
    {
        Provider = provider;
        Clock = clock;
        Logs = logs;
    }

    public ServiceProvider Provider { get; }

    public TestClock Clock { get; }

    public TestLogs Logs { get; }

    public IEventSender Sender => Provider.GetRequiredService<IEventSender>();

    public IFunctionRuns Runs => Provider.GetRequiredService<IFunctionRuns>();

    internal FanoutEngine Engine => Provider.GetRequiredService<FanoutEngine>();

    internal InMemoryFanoutStore Store => (InMemoryFanoutStore)Provider.GetRequiredService<IFanoutStore>();

    public static TestApp Create(Action<AttrFanoutOptions>? configure = null, Action<IServiceCollection>? services = null, TestClock? clock = null)
    {
        clock ??= new TestClock();
        var logs = new TestLogs();
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services?.Invoke(collection);
        collection.AddAttrFanout(options =>
        {
            options.ShutdownTimeout = TimeSpan.Zero;
            foreach (var scheduled in Schedules.ScheduledFunctions.All.Append(Conformance.ConformanceFunctions.Tick))
            {
                options.Functions[scheduled] = new FunctionOptions { Schedule = "off" };
            }

            configure?.Invoke(options);
        });
        return new TestApp(collection.BuildServiceProvider(), clock, logs);
    }

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    public Task<FunctionRun> CompletionOf(string runId) => Runs.WaitForCompletionAsync(runId).Safe();

    /// <summary>Advances the clock until the run ends and returns it.</summary>
    public async Task<FunctionRun> RunToEndAsync(string runId)
    {
        var done = CompletionOf(runId);
        await Clock.AdvanceUntilAsync(done);
        return await done;
    }

    /// <summary>Advances the clock until every run ends and returns them.</summary>
    public async Task<FunctionRun[]> RunToEndAsync(IEnumerable<string> runIds)
    {
        var done = CompletionOf(runIds);
        await Clock.AdvanceUntilAsync(done);
        return await done;
    }

    public async Task<FunctionRun[]> CompletionOf(IEnumerable<string> runIds) =>
        await Task.WhenAll(runIds.Select(CompletionOf));

    public async Task<FunctionRun[]> GetRunsAsync(IEnumerable<string> runIds) =>
        await Task.WhenAll(runIds.Select(async id => (await Runs.GetAsync(id))!));

    public async Task<FunctionRun> GetRunAsync(SendResult result, string functionId) =>
        (await GetRunsAsync(result.RunIds)).Single(r => r.FunctionId == functionId);

    public async ValueTask DisposeAsync() => await Provider.DisposeAsync();
}
