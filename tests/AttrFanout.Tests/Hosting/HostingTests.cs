using AttrFanout.Engine;
using AttrFanout.Stores.InMemory;
using AttrFanout.Stores;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AttrFanout.Tests.Hosting;

[Event("tests/hosting.ping")]
public sealed partial record HostPing(int Number);

public sealed class HostPingLog
{
    public Signal Handled { get; } = new();
}

public static class HostingFunctions
{
    [OnEvent("tests/hosting.ping", Id = "hosting-ping", Retries = 5, Concurrency = 3)]
    public static void Ping(HostPing ping, FunctionContext context) => context.Services.GetService<HostPingLog>()?.Handled.Set();
}

public sealed class HostingTests
{
    [Fact]
    public async Task A_plain_service_provider_works_without_a_host_and_starts_on_the_first_send()
    {
        await using var services = new ServiceCollection().AddSingleton<HostPingLog>().AddAttrFanout().BuildServiceProvider();
        var engine = services.GetRequiredService<FanoutEngine>();
        Assert.False(engine.IsRunning);

        await services.GetRequiredService<IEventSender>().SendAsync(new HostPing(1));

        Assert.True(engine.IsRunning);
        await services.GetRequiredService<HostPingLog>().Handled.Task.Safe();
    }

    [Fact]
    public async Task The_host_starts_and_stops_the_engine()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<HostPingLog>().AddAttrFanout();
        using var host = builder.Build();
        var engine = host.Services.GetRequiredService<FanoutEngine>();

        await host.StartAsync().Safe();
        Assert.True(engine.IsRunning);
        await host.Services.GetRequiredService<IEventSender>().SendAsync(new HostPing(1));
        await host.Services.GetRequiredService<HostPingLog>().Handled.Task.Safe();
        await host.StopAsync().Safe();

        Assert.False(engine.IsRunning);
    }

    [Fact]
    public async Task The_in_memory_store_warns_once_that_runs_do_not_survive_a_restart()
    {
        await using var app = TestApp.Create(services: s => s.AddSingleton<HostPingLog>());

        await app.Sender.SendAsync(new HostPing(1));
        await app.Sender.SendAsync(new HostPing(2));

        Assert.Equal(1, app.Logs.Count(eventId: 1002));
        Assert.Contains(app.Logs.Entries, e => e.EventId.Id == 1002 && e.Message.Contains("do not survive a restart"));
    }

    [Fact]
    public void Options_and_per_function_overrides_bind_from_the_AttrFanout_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AttrFanout:MaxConcurrency"] = "7",
            ["AttrFanout:QueueCapacity"] = "50",
            ["AttrFanout:DefaultRetries"] = "2",
            ["AttrFanout:BaseRetryDelay"] = "00:00:02",
            ["AttrFanout:IdempotencyWindow"] = "01:00:00",
            ["AttrFanout:ThrowOnNoSubscribers"] = "true",
            ["AttrFanout:Functions:hosting-ping:Retries"] = "1",
            ["AttrFanout:Functions:hosting-ping:Timeout"] = "00:00:30",
            ["AttrFanout:Functions:hosting-ping:Concurrency"] = "2",
        }).Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddAttrFanout(o => o.MaxConcurrency = 3)
            .BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<AttrFanoutOptions>>().Value;

        Assert.Equal(7, options.MaxConcurrency);
        Assert.Equal(50, options.QueueCapacity);
        Assert.Equal(2, options.DefaultRetries);
        Assert.Equal(TimeSpan.FromSeconds(2), options.BaseRetryDelay);
        Assert.Equal(TimeSpan.FromHours(1), options.IdempotencyWindow);
        Assert.True(options.ThrowOnNoSubscribers);
        var function = options.Functions["hosting-ping"];
        Assert.Equal(1, function.Retries);
        Assert.Equal(TimeSpan.FromSeconds(30), function.Timeout);
        Assert.Equal(2, function.Concurrency);

        var catalog = services.GetRequiredService<FunctionCatalog>();
        Assert.True(catalog.TryGetFunction("hosting-ping", out var descriptor));
        Assert.Equal(new AttrFanout.Stores.FunctionSettings(2, TimeSpan.FromSeconds(30), 2), AttrFanout.Stores.FunctionSettings.Resolve(descriptor, options));
    }

    [Fact]
    public void Without_overrides_the_attribute_wins_over_the_defaults()
    {
        using var services = new ServiceCollection().AddAttrFanout(o => o.DefaultTimeout = TimeSpan.FromMinutes(1)).BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<AttrFanoutOptions>>().Value;
        Assert.True(services.GetRequiredService<FunctionCatalog>().TryGetFunction("hosting-ping", out var descriptor));

        Assert.Equal(new AttrFanout.Stores.FunctionSettings(6, TimeSpan.FromMinutes(1), 3), AttrFanout.Stores.FunctionSettings.Resolve(descriptor, options));
    }

    [Theory]
    [InlineData("AttrFanout:MaxConcurrency", "0", "MaxConcurrency")]
    [InlineData("AttrFanout:QueueCapacity", "-1", "QueueCapacity")]
    [InlineData("AttrFanout:DefaultRetries", "-2", "DefaultRetries")]
    [InlineData("AttrFanout:MaxRetryDelay", "00:00:00.5", "MaxRetryDelay")]
    [InlineData("AttrFanout:DefaultTimeout", "00:00:00.001", "DefaultTimeout")]
    [InlineData("AttrFanout:Functions:hosting-ping:Retries", "-1", "Functions['hosting-ping']")]
    [InlineData("AttrFanout:Functions:hosting-ping:Timeout", "2.00:00:00", "Functions['hosting-ping'].Timeout")]
    [InlineData("AttrFanout:Functions:hosting-pong:Retries", "1", "Did you mean 'hosting-ping'?")]
    public async Task Invalid_options_fail_when_the_engine_starts_with_a_message_naming_the_option(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAttrFanout().BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IEventSender>());

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task Invalid_options_fail_the_host_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAttrFanout(o => o.MaxConcurrency = 0);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("MaxConcurrency", error.Message);
    }

    [Fact]
    public async Task A_store_set_in_the_options_replaces_the_in_memory_store_and_its_warning()
    {
        var logs = new TestLogs();
        var durable = new DurableLookingStore(new InMemoryFanoutStore(10, TimeProvider.System));
        await using var services = new ServiceCollection()
            .AddSingleton<HostPingLog>()
            .AddLogging(b => b.AddProvider(logs))
            .AddAttrFanout(o => o.UseStore(_ => durable))
            .BuildServiceProvider();

        await services.GetRequiredService<IEventSender>().SendAsync(new HostPing(1));
        await services.GetRequiredService<HostPingLog>().Handled.Task.Safe();

        Assert.Same(durable, services.GetRequiredService<IFanoutStore>());
        Assert.True(durable.Accepted > 0);
        Assert.Equal(0, logs.Count(eventId: 1002));
    }

    private sealed class DurableLookingStore(InMemoryFanoutStore inner) : IFanoutStore
    {
        private int _accepted;

        public int Accepted => _accepted;

        public bool IsDurable => true;

        public ValueTask<AcceptResult> AcceptAsync(EventSubmission submission, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _accepted);
            return inner.AcceptAsync(submission, cancellationToken);
        }

        public ValueTask<bool> WaitForRunAsync(string functionId, CancellationToken cancellationToken) => inner.WaitForRunAsync(functionId, cancellationToken);

        public ValueTask<RunDelivery?> TryTakeRunAsync(string functionId, CancellationToken cancellationToken) => inner.TryTakeRunAsync(functionId, cancellationToken);

        public ValueTask ReportAsync(RunOutcome outcome, CancellationToken cancellationToken) => inner.ReportAsync(outcome, cancellationToken);

        public ValueTask<FunctionRun?> GetRunAsync(string runId, CancellationToken cancellationToken) => inner.GetRunAsync(runId, cancellationToken);

        public ValueTask<IReadOnlyList<FunctionRun>> ListFailedAsync(FailedRunQuery query, CancellationToken cancellationToken) => inner.ListFailedAsync(query, cancellationToken);

        public ValueTask<FunctionRun?> ReplayAsync(string runId, string newRunId, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.ReplayAsync(runId, newRunId, now, cancellationToken);
    }
}
