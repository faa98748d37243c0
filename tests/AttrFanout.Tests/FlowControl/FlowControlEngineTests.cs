using AttrFanout.Conformance;
using AttrFanout.Engine;
using AttrFanout.FlowControl;
using AttrFanout.Generated;
using AttrFanout.Stores;
using AttrFanout.Stores.InMemory;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AttrFanout.Tests.FlowControl;

/// <summary>What the engine checks around flow control: keys at send, the store and scopes at start-up, the lease option, skipped runs announced.</summary>
public sealed class FlowControlEngineTests
{
    [Fact]
    public async Task A_key_that_throws_at_send_fails_the_send_naming_function_rule_and_key_and_accepts_nothing()
    {
        var failing = new PayloadKey("Account.Id", static _ => throw new NullReferenceException("no account"));
        await using var provider = Build(new Module(Function("keyed", new FunctionFlowControl { Concurrency = [new ConcurrencyRule(1) { Key = failing }] })));
        var store = (InMemoryFanoutStore)provider.GetRequiredService<IFanoutStore>();

        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(async () => await provider.GetRequiredService<IEventSender>().SendAsync(new ProbeJob("t", "k")));

        Assert.Contains("'keyed'", error.Message, StringComparison.Ordinal);
        Assert.Contains("[Concurrency]", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Account.Id'", error.Message, StringComparison.Ordinal);
        Assert.IsType<NullReferenceException>(error.InnerException);
        Assert.Equal(0, store.QueuedCount);
    }

    [Fact]
    public async Task Runs_of_a_function_with_rules_carry_their_keys_and_others_carry_none()
    {
        var keyed = Function("keyed", new FunctionFlowControl { Throttle = new ThrottleRule(5, TimeSpan.FromSeconds(1)) { Key = new PayloadKey("Key", static p => ((FlowJob)p).Key) } });
        var plain = new FunctionDescriptor<ProbeJob>("plain", ProbeJob.EventName, static (_, _, _, _) => default);
        await using var provider = Build(new Module(keyed, plain));
        var store = provider.GetRequiredService<IFanoutStore>();
        await provider.GetRequiredService<FanoutEngine>().StopAsync(); // the runs stay in the store for this test to take

        await provider.GetRequiredService<IEventSender>().SendAsync(new ProbeJob("t", "acct-9"));

        var keyedRun = await store.TryTakeRunAsync("keyed", CancellationToken.None);
        var plainRun = await store.TryTakeRunAsync("plain", CancellationToken.None);
        Assert.Equal("acct-9", keyedRun?.Keys?.Throttle);
        Assert.NotNull(plainRun);
        Assert.Null(plainRun.Keys);
    }

    [Fact]
    public void Functions_with_rules_on_a_store_without_flow_control_stop_the_start_naming_them()
    {
        using var provider = Build(
            new Module(Function("limited", new FunctionFlowControl { Concurrency = [new ConcurrencyRule(1)] })),
            o => o.UseStore(sp => new StoreWithoutFlowControl(new InMemoryFanoutStore(100, sp.GetRequiredService<TimeProvider>()))));

        var error = Assert.Throws<AttrFanoutConfigurationException>(() => provider.GetRequiredService<FanoutEngine>());

        Assert.Contains("'limited'", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(StoreWithoutFlowControl), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_functions_giving_one_scope_different_limits_stop_the_start_naming_both()
    {
        using var provider = Build(new Module(
            Function("first", new FunctionFlowControl { Concurrency = [new ConcurrencyRule(3) { Scope = "openai" }] }),
            Function("second", new FunctionFlowControl { Concurrency = [new ConcurrencyRule(5) { Scope = "openai" }] })));

        var error = Assert.Throws<AttrFanoutConfigurationException>(() => provider.GetRequiredService<FanoutEngine>());

        Assert.Contains("'openai'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'first'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'second'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_concurrency_scope_stops_the_start_naming_the_function(string scope)
    {
        using var provider = Build(new Module(
            Function("blank-scoped", new FunctionFlowControl { Concurrency = [new ConcurrencyRule(3) { Scope = scope }] })));

        var error = Assert.Throws<AttrFanoutConfigurationException>(() => provider.GetRequiredService<FanoutEngine>());

        Assert.Contains("'blank-scoped'", error.Message, StringComparison.Ordinal);
        Assert.Contains("blank scope", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100_000)]
    public void A_flow_control_lease_outside_its_range_is_refused_at_start(int seconds)
    {
        using var provider = Build(new Module(), o => o.FlowControlLease = TimeSpan.FromSeconds(seconds));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AttrFanoutOptions>>().Value);

        Assert.Contains(nameof(AttrFanoutOptions.FlowControlLease), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_skipped_run_is_announced_when_asked_and_counts_nowhere_as_a_failure()
    {
        var skipped = new List<FunctionSkipped>();
        var rate = Function("rated", new FunctionFlowControl { RateLimit = new RateLimitRule(1, TimeSpan.FromHours(1)) });
        var listener = new FunctionDescriptor<FunctionSkipped>("listener", FunctionSkipped.Name, (_, e, _, _) =>
        {
            lock (skipped)
            {
                skipped.Add(e.Data);
            }

            return default;
        });
        var clock = new TestClock();
        await using var provider = Build(new Module(rate, listener), o => o.AnnounceSkippedRuns = true, clock);
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var sender = provider.GetRequiredService<IEventSender>();
        var runs = provider.GetRequiredService<IFunctionRuns>();
        var first = await sender.SendAsync(new ProbeJob("t", "a"));
        var second = await sender.SendAsync(new ProbeJob("t", "b"));
        var ended = await Task.WhenAll(runs.WaitForCompletionAsync(first.RunIds[0]).Safe(), runs.WaitForCompletionAsync(second.RunIds[0]).Safe());
        await Polling.UntilAsync(() => Task.FromResult(skipped.Count == 1), "the skipped run is announced", clock);

        var skippedRun = Assert.Single(ended, r => r.Status == RunStatus.Skipped);
        Assert.Single(ended, r => r.Status == RunStatus.Succeeded);
        Assert.Equal(skippedRun.RunId, skipped[0].RunId);
        Assert.Equal("rated", skipped[0].FunctionId);
        Assert.Equal(ProbeJob.EventName, skipped[0].EventName);
        Assert.Equal($"rate limit 1 per {TimeSpan.FromHours(1)}", skipped[0].Reason);
        Assert.Empty(await runs.ListFailedAsync());
    }

    [Fact]
    public async Task An_executing_attempt_keeps_its_slot_beyond_the_lease_because_the_engine_renews_it()
    {
        var limited = new FunctionDescriptor<ProbeJob>("limited", ProbeJob.EventName, static (_, e, context, ct) => FlowProbe.RunAsync(e.Data, context, ct))
        {
            FlowControl = new FunctionFlowControl { Concurrency = [new ConcurrencyRule(1)] },
        };
        var clock = new TestClock();
        using var meter = new FlowMeter();
        await using var provider = Build(new Module(limited), o => o.FlowControlLease = TimeSpan.FromSeconds(30), clock);
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var test = Guid.NewGuid().ToString("N");
        var sender = provider.GetRequiredService<IEventSender>();
        var first = await sender.SendAsync(new ProbeJob(test, "k") { Block = true });
        await Polling.UntilAsync(() => Task.FromResult(FlowProbe.Executing(test, "k") == 1), "the first run executes", clock);
        var second = await sender.SendAsync(new ProbeJob(test, "k"));
        await Polling.UntilAsync(() => Task.FromResult(meter.Deferred("limited") >= 30), "the second run is held back for several leases", clock);

        Assert.Equal(1, FlowProbe.MostAtOnce(test, "k"));
        Assert.Single(FlowProbe.Starts(test, "k"));
        FlowProbe.Open(test);
        var runs = provider.GetRequiredService<IFunctionRuns>();
        var done = Task.WhenAll(runs.WaitForCompletionAsync(first.RunIds[0]), runs.WaitForCompletionAsync(second.RunIds[0]));
        await Polling.UntilAsync(() => Task.FromResult(done.IsCompleted), "both runs end", clock);
        Assert.All(await done, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.Equal(1, FlowProbe.MostAtOnce(test, "k"));
    }

    [Fact]
    public async Task An_idempotency_key_keeps_later_runs_out_only_until_its_period_ends()
    {
        var once = Function("once", new FunctionFlowControl { Idempotency = new IdempotencyRule(new PayloadKey("Key", static p => ((FlowJob)p).Key)) { Period = TimeSpan.FromHours(1) } });
        var clock = new TestClock();
        await using var provider = Build(new Module(once), clock: clock);
        var sender = provider.GetRequiredService<IEventSender>();

        var first = await sender.SendAsync(new ProbeJob("t", "doc"));
        clock.Advance(TimeSpan.FromMinutes(59));
        var within = await sender.SendAsync(new ProbeJob("t", "doc"));
        clock.Advance(TimeSpan.FromMinutes(2));
        var after = await sender.SendAsync(new ProbeJob("t", "doc"));

        Assert.Equal(first.RunIds[0], within.RunIds[0]);
        Assert.NotEqual(first.RunIds[0], after.RunIds[0]);
        Assert.NotNull(await provider.GetRequiredService<IFunctionRuns>().GetAsync(after.RunIds[0]));
    }

    private static FunctionDescriptor<ProbeJob> Function(string id, FunctionFlowControl rules) =>
        new(id, ProbeJob.EventName, static (_, _, _, _) => default) { FlowControl = rules, Handler = "Tests." + id };

    private static ServiceProvider Build(IFanoutModule module, Action<AttrFanoutOptions>? configure = null, TestClock? clock = null)
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock ?? new TestClock());
        AttrFanoutRegistration.AddAttrFanoutCore(services, [module], o =>
        {
            o.ShutdownTimeout = TimeSpan.Zero;
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    public sealed record ProbeJob(string Test, string Key) : FlowJob(Test, Key), IEventPayload
    {
        public static string EventName => "flow-tests/probe";
    }

    private sealed class Module(params FunctionDescriptor[] functions) : IFanoutModule
    {
        public string AssemblyName => "AttrFanout.Tests.FlowControl";

        public void Register(FanoutModuleBuilder builder)
        {
            builder.AddEvent(new EventDescriptor<ProbeJob>(ProbeJob.EventName));
            foreach (var function in functions)
            {
                builder.AddFunction(function);
            }
        }
    }

    /// <summary>A store that keeps runs but no flow-control state (its <see cref="IFanoutStore.FlowControl"/> is the default null).</summary>
    private sealed class StoreWithoutFlowControl(IFanoutStore inner) : IFanoutStore
    {
        public bool IsDurable => inner.IsDurable;

        public bool UsesPayloadBytes => inner.UsesPayloadBytes;

        public ValueTask<AcceptResult> AcceptAsync(EventSubmission submission, CancellationToken cancellationToken) => inner.AcceptAsync(submission, cancellationToken);

        public ValueTask<bool> WaitForRunAsync(string functionId, CancellationToken cancellationToken) => inner.WaitForRunAsync(functionId, cancellationToken);

        public ValueTask<RunDelivery?> TryTakeRunAsync(string functionId, CancellationToken cancellationToken) => inner.TryTakeRunAsync(functionId, cancellationToken);

        public ValueTask ReportAsync(RunOutcome outcome, CancellationToken cancellationToken) => inner.ReportAsync(outcome, cancellationToken);

        public ValueTask<FunctionRun?> GetRunAsync(string runId, CancellationToken cancellationToken) => inner.GetRunAsync(runId, cancellationToken);

        public ValueTask<IReadOnlyList<FunctionRun>> ListFailedAsync(FailedRunQuery query, CancellationToken cancellationToken) => inner.ListFailedAsync(query, cancellationToken);

        public ValueTask<FunctionRun?> ReplayAsync(string runId, string newRunId, DateTimeOffset now, CancellationToken cancellationToken) => inner.ReplayAsync(runId, newRunId, now, cancellationToken);
    }
}
