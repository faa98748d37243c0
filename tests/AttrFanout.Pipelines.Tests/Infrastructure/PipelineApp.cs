using AttrFanout.Pipelines.Tests.Functions;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Pipelines.Tests.Infrastructure;

/// <summary>One test's app: this assembly's functions over a fake clock, with the app pipelines the test registers.</summary>
public sealed class PipelineApp : IAsyncDisposable
{
    /// <summary>How long the payment gateway is down from the start of the clock.</summary>
    public static readonly TimeSpan GatewayOutage = TimeSpan.FromMinutes(3);

    private PipelineApp(ServiceProvider provider, StepClock clock, TestLogs logs)
    {
        Provider = provider;
        Clock = clock;
        Logs = logs;
        Start = clock.GetUtcNow();
    }

    public ServiceProvider Provider { get; }

    public StepClock Clock { get; }

    public TestLogs Logs { get; }

    public DateTimeOffset Start { get; }

    public IEventSender Sender => Provider.GetRequiredService<IEventSender>();

    public IFunctionRuns Runs => Provider.GetRequiredService<IFunctionRuns>();

    public CallLog Calls => Provider.GetRequiredService<CallLog>();

    /// <param name="pipelines">Registers the app's pipelines; by default every one the attributes name.</param>
    /// <param name="configuration">The app's configuration, e.g. <c>AttrFanout:Functions:fetch-quote:Pipeline</c>.</param>
    public static PipelineApp Create(Action<IServiceCollection>? pipelines = null, Dictionary<string, string?>? configuration = null)
    {
        var clock = new StepClock();
        var logs = new TestLogs();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(sp => new CallLog(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new PaymentGateway(sp.GetRequiredService<TimeProvider>(), clock.GetUtcNow() + GatewayOutage));
        if (configuration is not null)
        {
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        }

        (pipelines ?? (s => s.AddAttributePipelines()))(services);
        services.AddAttrFanout(o => o.ShutdownTimeout = TimeSpan.Zero);
        return new PipelineApp(services.BuildServiceProvider(), clock, logs);
    }

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    /// <summary>Waits, without moving the clock, until the function's handler was called <paramref name="count"/> times.</summary>
    public async Task UntilCallsAsync(string functionId, int count)
    {
        try
        {
            await Safety.UntilAsync(() => Task.FromResult(Calls.CountOf(functionId) == count));
        }
        catch (TimeoutException)
        {
            var times = string.Join(", ", Calls.TimesOf(functionId).Select(t => t.ToString("HH:mm:ss.fff")));
            throw new TimeoutException($"'{functionId}' was not called {count} times but at [{times}]; {Clock.Describe()}.");
        }
    }

    /// <summary>Waits, without moving the clock, until the run ends.</summary>
    public Task<FunctionRun> CompletionOf(string runId) => Runs.WaitForCompletionAsync(runId).Safe();

    public async Task<FunctionRun[]> RunsOfAsync(IEnumerable<SendResult> sends, string functionId)
    {
        var runs = await Task.WhenAll(sends.SelectMany(s => s.RunIds).Select(async id => (await Runs.GetAsync(id))!));
        return runs.Where(r => r.FunctionId == functionId).ToArray();
    }

    /// <summary>Waits, without moving the clock, until the function's runs of <paramref name="sends"/> satisfy <paramref name="condition"/>; returns them.</summary>
    public async Task<FunctionRun[]> UntilRunsAsync(IEnumerable<SendResult> sends, string functionId, Func<FunctionRun[], bool> condition)
    {
        var all = sends.ToArray();
        await Safety.UntilAsync(async () => condition(await RunsOfAsync(all, functionId)));
        return await RunsOfAsync(all, functionId);
    }

    public async ValueTask DisposeAsync() => await Provider.DisposeAsync();
}
