using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json.Serialization;
using AttrFanout.FlowControl;
using AttrFanout.Generated;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Conformance;

/// <summary>
/// Flow control as every store must keep it, proven once for all: each store's test project derives from this class and
/// supplies its <see cref="FlowControlStore"/>. The functions are built by hand (<see cref="FlowFunctions"/>) with their
/// rules, as the generator emits them from the attributes; a probe counts what executes, per test and key.
/// </summary>
public abstract class FlowControlConformanceTests
{
    private static readonly TimeSpan WaitBound = TimeSpan.FromSeconds(60);

    protected abstract FlowControlStore CreateStore();

    private static string NewTest() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Per_key_concurrency_is_never_exceeded_while_other_keys_run_in_parallel()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        using var meter = new FlowMeter();
        var test = NewTest();

        var sent = new List<SendResult>();
        foreach (var key in new[] { "a", "a", "a", "b", "b", "b" })
        {
            sent.Add(await app.Sender.SendAsync(new PerKeyJob(test, key) { Block = true }));
        }

        await store.UntilAsync(() => Task.FromResult(FlowProbe.Executing(test, "a") == 2 && FlowProbe.Executing(test, "b") == 2), "two runs of each key execute");
        await store.UntilAsync(() => Task.FromResult(meter.Deferred(FlowFunctions.PerKey) >= 4), "the runs over the limit are held back, twice each");
        Assert.Equal(2, FlowProbe.MostAtOnce(test, "a"));
        Assert.Equal(2, FlowProbe.MostAtOnce(test, "b"));

        FlowProbe.Open(test);
        var runs = await Task.WhenAll(sent.Select(s => CompletedAsync(store, app, s.RunIds.Single())));
        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.All(runs, r => Assert.Equal(1, r.Attempts));
        Assert.Equal(2, FlowProbe.MostAtOnce(test, "a"));
        Assert.Equal(2, FlowProbe.MostAtOnce(test, "b"));
        Assert.Equal(3, FlowProbe.Starts(test, "a").Length);
        Assert.Equal(3, FlowProbe.Starts(test, "b").Length);
    }

    [Fact]
    public async Task A_concurrency_scope_is_shared_by_every_function_naming_it()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        using var meter = new FlowMeter();
        var test = NewTest();

        var first = await app.Sender.SendAsync(new ScopeJob(test, "k") { Block = true });
        var second = await app.Sender.SendAsync(new ScopeJob(test, "k") { Block = true });
        Assert.Equal(2, first.RunIds.Count);

        await store.UntilAsync(() => Task.FromResult(FlowProbe.Executing(test, "k") == 1), "one run of the scope executes");
        await store.UntilAsync(() => Task.FromResult(meter.Deferred(FlowFunctions.ScopeA) + meter.Deferred(FlowFunctions.ScopeB) >= 6), "the other runs are held back");
        Assert.Equal(1, FlowProbe.MostAtOnce(test, "k"));

        FlowProbe.Open(test);
        var runs = await Task.WhenAll(first.RunIds.Concat(second.RunIds).Select(id => CompletedAsync(store, app, id)));
        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.Equal(1, FlowProbe.MostAtOnce(test, "k"));
        Assert.Equal([FlowFunctions.ScopeA, FlowFunctions.ScopeA, FlowFunctions.ScopeB, FlowFunctions.ScopeB], FlowProbe.Starts(test, "k").Select(s => s.FunctionId).Order());
    }

    [Fact]
    public async Task A_throttle_spreads_starts_and_drops_nothing()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();
        var interval = FlowFunctions.ThrottlePeriod / FlowFunctions.ThrottleLimit;

        var sent = new List<SendResult>();
        for (var i = 0; i < 4; i++)
        {
            sent.Add(await app.Sender.SendAsync(new ThrottleJob(test, "k")));
        }

        var runs = await Task.WhenAll(sent.Select(s => CompletedAsync(store, app, s.RunIds.Single())));
        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        var starts = FlowProbe.Starts(test, "k").Select(s => s.At).Order().ToArray();
        Assert.Equal(4, starts.Length);
        for (var i = 1; i < starts.Length; i++)
        {
            Assert.True(starts[i] - starts[0] >= (interval * i) - store.ClockTolerance, $"start {i} came {starts[i] - starts[0]} after the first; the throttle allows one every {interval}");
        }
    }

    [Fact]
    public async Task Runs_over_a_rate_limit_are_skipped_and_listed_with_their_reason()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        using var meter = new FlowMeter();
        var test = NewTest();
        var key = "user-" + test;

        var sent = new List<SendResult>();
        for (var i = 0; i < 3; i++)
        {
            sent.Add(await app.Sender.SendAsync(new RateJob(test, key)));
        }

        var runs = await Task.WhenAll(sent.Select(s => CompletedAsync(store, app, s.RunIds.Single())));
        Assert.Single(runs, r => r.Status == RunStatus.Succeeded);
        var skipped = runs.Where(r => r.Status == RunStatus.Skipped).ToArray();
        Assert.Equal(2, skipped.Length);
        foreach (var run in skipped)
        {
            var listed = await app.Runs.GetAsync(run.RunId);
            Assert.NotNull(listed);
            Assert.Equal(RunStatus.Skipped, listed.Status);
            Assert.Equal($"rate limit 1 per {FlowFunctions.RatePeriod} for key '{key}'", listed.Reason);
            Assert.Equal(0, listed.Attempts);
        }

        Assert.Single(FlowProbe.Starts(test, key));
        Assert.Equal(2, meter.Skipped(FlowFunctions.Rate));
    }

    [Fact]
    public async Task A_singleton_in_skip_mode_skips_a_new_run_while_one_of_its_key_is_active()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();

        var active = await app.Sender.SendAsync(new SingletonSkipJob(test, "doc") { Block = true });
        await store.UntilAsync(() => Task.FromResult(FlowProbe.Executing(test, "doc") == 1), "the first run executes");
        var later = await app.Sender.SendAsync(new SingletonSkipJob(test, "doc"));
        var other = await app.Sender.SendAsync(new SingletonSkipJob(test, "other"));

        var skipped = await CompletedAsync(store, app, later.RunIds.Single());
        Assert.Equal(RunStatus.Skipped, skipped.Status);
        Assert.Contains(active.RunIds.Single(), skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Succeeded, (await CompletedAsync(store, app, other.RunIds.Single())).Status);

        FlowProbe.Open(test);
        Assert.Equal(RunStatus.Succeeded, (await CompletedAsync(store, app, active.RunIds.Single())).Status);
        Assert.Single(FlowProbe.Starts(test, "doc"));
    }

    [Fact]
    public async Task A_singleton_in_cancel_mode_cancels_the_active_run_and_starts_the_new_one()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();

        var replaced = await app.Sender.SendAsync(new SingletonCancelJob(test, "doc") { Block = true });
        await store.UntilAsync(() => Task.FromResult(FlowProbe.Executing(test, "doc") == 1), "the first run executes");
        var replacing = await app.Sender.SendAsync(new SingletonCancelJob(test, "doc"));

        var cancelled = await CompletedAsync(store, app, replaced.RunIds.Single());
        var started = await CompletedAsync(store, app, replacing.RunIds.Single());
        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.Equal($"replaced by run {replacing.RunIds.Single()}", cancelled.Reason);
        Assert.True(FlowProbe.TokenFired(replaced.RunIds.Single()), "the cancelled attempt's token fired");
        Assert.Equal(RunStatus.Succeeded, started.Status);
        Assert.Equal(2, FlowProbe.Starts(test, "doc").Length);
        Assert.Equal(1, FlowProbe.MostAtOnce(test, "doc"));
    }

    [Fact]
    public async Task Due_runs_start_in_priority_order()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();

        var first = await app.Sender.SendAsync(new PriorityJob(test, "k") { Block = true });
        await store.UntilAsync(() => Task.FromResult(FlowProbe.Executing(test, "k") == 1), "the first run holds the function's one slot");
        var queued = new List<SendResult>();
        foreach (var rank in new[] { 0, 5, -5, 10, 1 })
        {
            queued.Add(await app.Sender.SendAsync(new PriorityJob(test, "k") { Rank = rank }));
        }

        FlowProbe.Open(test);
        await Task.WhenAll(queued.Append(first).Select(s => CompletedAsync(store, app, s.RunIds.Single())));
        var order = FlowProbe.Starts(test, "k").OrderBy(s => s.Sequence).Skip(1).Select(s => s.Rank).ToArray();
        Assert.Equal([10, 5, 1, 0, -5], order);
    }

    [Fact]
    public async Task A_second_event_with_the_same_idempotency_key_starts_no_run_and_names_the_first()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();

        var first = await app.Sender.SendAsync(new IdempotentJob(test, "doc-1"));
        var second = await app.Sender.SendAsync(new IdempotentJob(test, "doc-1"));
        var other = await app.Sender.SendAsync(new IdempotentJob(test, "doc-2"));

        Assert.False(second.IsDuplicate);
        Assert.NotEqual(first.EventId, second.EventId);
        Assert.Equal(first.RunIds.Single(), second.RunIds.Single());
        Assert.NotEqual(first.RunIds.Single(), other.RunIds.Single());
        await CompletedAsync(store, app, first.RunIds.Single());
        await CompletedAsync(store, app, other.RunIds.Single());
        Assert.Single(FlowProbe.Starts(test, "doc-1"));
        Assert.Single(FlowProbe.Starts(test, "doc-2"));
    }

    [Fact]
    public async Task A_cancelled_pending_run_ends_cancelled_and_never_executes()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();

        var executing = await app.Sender.SendAsync(new CancelJob(test, "k") { Block = true });
        await store.UntilAsync(() => Task.FromResult(FlowProbe.Executing(test, "k") == 1), "the first run holds the function's one slot");
        var pending = await app.Sender.SendAsync(new CancelJob(test, "k"));
        var waiting = app.Runs.WaitForCompletionAsync(pending.RunIds.Single());

        var cancelled = await app.Runs.CancelAsync(pending.RunIds.Single());

        Assert.NotNull(cancelled);
        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.Equal("cancelled by request", cancelled.Reason);
        Assert.Equal(RunStatus.Cancelled, (await waiting.WaitAsync(WaitBound)).Status);
        FlowProbe.Open(test);
        Assert.Equal(RunStatus.Succeeded, (await CompletedAsync(store, app, executing.RunIds.Single())).Status);
        var barrier = await app.Sender.SendAsync(new CancelJob(test, "k"));
        await CompletedAsync(store, app, barrier.RunIds.Single());
        Assert.DoesNotContain(FlowProbe.Starts(test, "k"), s => s.RunId == pending.RunIds.Single());
        Assert.Equal(RunStatus.Cancelled, (await app.Runs.GetAsync(pending.RunIds.Single()))?.Status);
        Assert.Equal(RunStatus.Cancelled, (await app.Runs.CancelAsync(pending.RunIds.Single()))?.Status);
    }

    [Fact]
    public async Task A_cancelled_executing_run_has_its_token_fired_and_ends_cancelled_without_a_retry()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();

        var sent = await app.Sender.SendAsync(new CancelJob(test, "k") { Block = true });
        var runId = sent.RunIds.Single();
        await store.UntilAsync(() => Task.FromResult(FlowProbe.Executing(test, "k") == 1), "the run executes");

        await app.Runs.CancelAsync(runId);

        var run = await CompletedAsync(store, app, runId);
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Equal("cancelled by request", run.Reason);
        Assert.Equal(1, run.Attempts);
        Assert.True(FlowProbe.TokenFired(runId), "the attempt's token fired");
        Assert.Single(FlowProbe.Starts(test, "k"));
        var ended = await app.Runs.CancelAsync(runId);
        Assert.Equal(RunStatus.Cancelled, ended?.Status);
    }

    [Fact]
    public async Task A_run_waiting_for_its_retry_holds_no_concurrency_slot()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync(o =>
        {
            o.BaseRetryDelay = TimeSpan.FromHours(1);
            o.MaxRetryDelay = TimeSpan.FromHours(1);
        });
        var test = NewTest();

        var failing = await app.Sender.SendAsync(new RetrySlotJob(test, "k") { FailFirst = 1 });
        await store.UntilAsync(async () => (await app.Runs.GetAsync(failing.RunIds.Single()))?.Status == RunStatus.RetryScheduled, "the first run waits for its retry");
        var next = await app.Sender.SendAsync(new RetrySlotJob(test, "k") { Block = true });

        await store.UntilAsync(() => Task.FromResult(FlowProbe.Executing(test, "k") == 1), "the second run executes while the first waits for its retry");
        Assert.Equal(RunStatus.RetryScheduled, (await app.Runs.GetAsync(failing.RunIds.Single()))?.Status);
        FlowProbe.Open(test);
        Assert.Equal(RunStatus.Succeeded, (await CompletedAsync(store, app, next.RunIds.Single())).Status);
    }

    /// <summary>Waits for the run's end and checks the store lists it as it ended (where the store keeps such runs).</summary>
    private static async Task<FunctionRun> CompletedAsync(ConformanceStore store, ConformanceApp app, string runId)
    {
        var completion = app.Runs.WaitForCompletionAsync(runId);
        await store.UntilAsync(() => Task.FromResult(completion.IsCompleted), $"run {runId} ends");
        var run = await completion.WaitAsync(WaitBound);
        if (store.KeepsSucceededRuns || run.Status != RunStatus.Succeeded)
        {
            var stored = await app.Runs.GetAsync(runId);
            Assert.NotNull(stored);
            Assert.Equal(run.Status, stored.Status);
            Assert.Equal(run.FunctionId, stored.FunctionId);
        }

        return run;
    }
}

/// <summary>
/// A store under the flow-control suite: apps built with the hand-made <see cref="FlowFunctions"/> module over this store,
/// on its clock.
/// </summary>
public abstract class FlowControlStore : ConformanceStore
{
    /// <summary>
    /// Gets how much shorter than the throttle's spacing two measured starts may be: one step of a fake clock that
    /// <see cref="Polling"/> moves (the default), or the scheduling slack of a real clock.
    /// </summary>
    public virtual TimeSpan ClockTolerance => TimeSpan.FromSeconds(1);

    /// <summary>Adds the store's own services (its clock) to a new app's services.</summary>
    protected abstract void AddServices(IServiceCollection services);

    /// <summary>Sets the store in a new app's options (e.g. <c>o.UseSqlite(...)</c>); nothing for the in-memory store.</summary>
    protected abstract void UseStore(AttrFanoutOptions options);

    protected sealed override ServiceProvider Build(Action<AttrFanoutOptions> configure)
    {
        var services = new ServiceCollection();
        AddServices(services);
        AttrFanoutRegistration.AddAttrFanoutCore(services, [FlowFunctions.Module], o =>
        {
            UseStore(o);
            configure(o);
        });
        return services.BuildServiceProvider();
    }
}

public abstract record FlowJob(string Test, string Key)
{
    public int Rank { get; init; }

    public bool Block { get; init; }

    public int FailFirst { get; init; }
}

public sealed record PerKeyJob(string Test, string Key) : FlowJob(Test, Key), IEventPayload
{
    public static string EventName => "flow/per-key";
}

public sealed record ScopeJob(string Test, string Key) : FlowJob(Test, Key), IEventPayload
{
    public static string EventName => "flow/scope";
}

public sealed record ThrottleJob(string Test, string Key) : FlowJob(Test, Key), IEventPayload
{
    public static string EventName => "flow/throttle";
}

public sealed record RateJob(string Test, string Key) : FlowJob(Test, Key), IEventPayload
{
    public static string EventName => "flow/rate";
}

public sealed record SingletonSkipJob(string Test, string Key) : FlowJob(Test, Key), IEventPayload
{
    public static string EventName => "flow/singleton-skip";
}

public sealed record SingletonCancelJob(string Test, string Key) : FlowJob(Test, Key), IEventPayload
{
    public static string EventName => "flow/singleton-cancel";
}

public sealed record PriorityJob(string Test, string Key) : FlowJob(Test, Key), IEventPayload
{
    public static string EventName => "flow/priority";
}

public sealed record IdempotentJob(string Test, string Key) : FlowJob(Test, Key), IEventPayload
{
    public static string EventName => "flow/idempotent";
}

public sealed record CancelJob(string Test, string Key) : FlowJob(Test, Key), IEventPayload
{
    public static string EventName => "flow/cancel";
}

public sealed record RetrySlotJob(string Test, string Key) : FlowJob(Test, Key), IEventPayload
{
    public static string EventName => "flow/retry-slot";
}

[JsonSerializable(typeof(PerKeyJob))]
[JsonSerializable(typeof(ScopeJob))]
[JsonSerializable(typeof(ThrottleJob))]
[JsonSerializable(typeof(RateJob))]
[JsonSerializable(typeof(SingletonSkipJob))]
[JsonSerializable(typeof(SingletonCancelJob))]
[JsonSerializable(typeof(PriorityJob))]
[JsonSerializable(typeof(IdempotentJob))]
[JsonSerializable(typeof(CancelJob))]
[JsonSerializable(typeof(RetrySlotJob))]
internal sealed partial class FlowJobJsonContext : JsonSerializerContext;

/// <summary>The suite's functions, built by hand with the rules the generator would emit from their attributes.</summary>
public static class FlowFunctions
{
    public const string PerKey = "flow-per-key";
    public const string ScopeA = "flow-scope-a";
    public const string ScopeB = "flow-scope-b";
    public const string Throttle = "flow-throttle";
    public const string Rate = "flow-rate";
    public const string SingletonSkip = "flow-singleton-skip";
    public const string SingletonCancel = "flow-singleton-cancel";
    public const string Priority = "flow-priority";
    public const string Idempotent = "flow-idempotent";
    public const string Cancel = "flow-cancel";
    public const string RetrySlot = "flow-retry-slot";

    public const int ThrottleLimit = 2;
    public static readonly TimeSpan ThrottlePeriod = TimeSpan.FromSeconds(4);
    public static readonly TimeSpan RatePeriod = TimeSpan.FromHours(1);

    public static readonly IFanoutModule Module = new FlowModule();

    private static PayloadKey KeyOf(string expression = nameof(FlowJob.Key)) => new(expression, static payload => ((FlowJob)payload).Key);

    private static FunctionDescriptor<T> Function<T>(string id, FunctionFlowControl? rules, int? concurrency = null, int retries = 2)
        where T : FlowJob, IEventPayload =>
        new(id, T.EventName, static (_, e, context, ct) => FlowProbe.RunAsync(e.Data, context, ct))
        {
            Handler = "AttrFanout.Conformance.FlowFunctions." + id,
            FlowControl = rules,
            Concurrency = concurrency,
            Retries = retries,
        };

    private sealed class FlowModule : IFanoutModule
    {
        public string AssemblyName => "AttrFanout.Conformance.Flow";

        public void Register(FanoutModuleBuilder builder)
        {
            builder.AddEvent(new EventDescriptor<PerKeyJob>(PerKeyJob.EventName, FlowJobJsonContext.Default));
            builder.AddEvent(new EventDescriptor<ScopeJob>(ScopeJob.EventName, FlowJobJsonContext.Default));
            builder.AddEvent(new EventDescriptor<ThrottleJob>(ThrottleJob.EventName, FlowJobJsonContext.Default));
            builder.AddEvent(new EventDescriptor<RateJob>(RateJob.EventName, FlowJobJsonContext.Default));
            builder.AddEvent(new EventDescriptor<SingletonSkipJob>(SingletonSkipJob.EventName, FlowJobJsonContext.Default));
            builder.AddEvent(new EventDescriptor<SingletonCancelJob>(SingletonCancelJob.EventName, FlowJobJsonContext.Default));
            builder.AddEvent(new EventDescriptor<PriorityJob>(PriorityJob.EventName, FlowJobJsonContext.Default));
            builder.AddEvent(new EventDescriptor<IdempotentJob>(IdempotentJob.EventName, FlowJobJsonContext.Default));
            builder.AddEvent(new EventDescriptor<CancelJob>(CancelJob.EventName, FlowJobJsonContext.Default));
            builder.AddEvent(new EventDescriptor<RetrySlotJob>(RetrySlotJob.EventName, FlowJobJsonContext.Default));

            builder.AddFunction(Function<PerKeyJob>(PerKey, new FunctionFlowControl { Concurrency = [new ConcurrencyRule(2) { Key = KeyOf() }] }));
            var scope = new FunctionFlowControl { Concurrency = [new ConcurrencyRule(1) { Key = KeyOf(), Scope = "flow-conformance" }] };
            builder.AddFunction(Function<ScopeJob>(ScopeA, scope));
            builder.AddFunction(Function<ScopeJob>(ScopeB, scope));
            builder.AddFunction(Function<ThrottleJob>(Throttle, new FunctionFlowControl { Throttle = new ThrottleRule(ThrottleLimit, ThrottlePeriod) { Key = KeyOf() } }));
            builder.AddFunction(Function<RateJob>(Rate, new FunctionFlowControl { RateLimit = new RateLimitRule(1, RatePeriod) { Key = KeyOf() } }));
            builder.AddFunction(Function<SingletonSkipJob>(SingletonSkip, new FunctionFlowControl { Singleton = new SingletonRule(SingletonMode.Skip) { Key = KeyOf() } }));
            builder.AddFunction(Function<SingletonCancelJob>(SingletonCancel, new FunctionFlowControl { Singleton = new SingletonRule(SingletonMode.Cancel) { Key = KeyOf() } }));
            builder.AddFunction(Function<PriorityJob>(Priority, new FunctionFlowControl { Priority = new PriorityRule("Rank", static payload => ((FlowJob)payload).Rank) }, concurrency: 1));
            builder.AddFunction(Function<IdempotentJob>(Idempotent, new FunctionFlowControl { Idempotency = new IdempotencyRule(KeyOf()) }));
            builder.AddFunction(Function<CancelJob>(Cancel, rules: null, concurrency: 1));
            builder.AddFunction(Function<RetrySlotJob>(RetrySlot, new FunctionFlowControl { Concurrency = [new ConcurrencyRule(1) { Key = KeyOf() }] }));
        }
    }
}

/// <summary>What the suite's functions did, per test and key: starts, attempts executing at once, fired tokens; and each test's gate.</summary>
public static class FlowProbe
{
    private static readonly ConcurrentDictionary<string, Counter> Counters = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<Start>> StartsByKey = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, bool> Fired = new(StringComparer.Ordinal);
    private static long _sequence;

    public static async ValueTask RunAsync(FlowJob job, FunctionContext context, CancellationToken cancellationToken)
    {
        var at = context.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var scope = job.Test + "/" + job.Key;
        StartsByKey.GetOrAdd(scope, static _ => new()).Enqueue(new Start(context.RunId, context.FunctionId, job.Rank, at, Interlocked.Increment(ref _sequence)));
        var counter = Counters.GetOrAdd(scope, static _ => new Counter());
        counter.Enter();
        try
        {
            if (job.Block)
            {
                await Gate(job.Test).WaitAsync(cancellationToken);
            }

            if (context.Attempt <= job.FailFirst)
            {
                throw new InvalidOperationException($"attempt {context.Attempt} of {job.Key} fails");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Fired[context.RunId] = true;
            throw;
        }
        finally
        {
            counter.Exit();
        }
    }

    public static int Executing(string test, string key) => Counters.TryGetValue(test + "/" + key, out var counter) ? counter.Current : 0;

    public static int MostAtOnce(string test, string key) => Counters.TryGetValue(test + "/" + key, out var counter) ? counter.Most : 0;

    public static Start[] Starts(string test, string key) => StartsByKey.TryGetValue(test + "/" + key, out var starts) ? [.. starts] : [];

    public static bool TokenFired(string runId) => Fired.ContainsKey(runId);

    public static void Open(string test) => Gates.GetOrAdd(test, static _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private static Task Gate(string test) => Gates.GetOrAdd(test, static _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public sealed record Start(string RunId, string FunctionId, int Rank, DateTimeOffset At, long Sequence);

    private sealed class Counter
    {
        private int _current;
        private int _most;

        public int Current => Volatile.Read(ref _current);

        public int Most => Volatile.Read(ref _most);

        public void Enter()
        {
            var now = Interlocked.Increment(ref _current);
            int most;
            while (now > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, most) != most)
            {
            }
        }

        public void Exit() => Interlocked.Decrement(ref _current);
    }
}

/// <summary>Counts the runs flow control deferred and skipped, per function, while it listens.</summary>
public sealed class FlowMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string Function), int> _counts = new();

    public FlowMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "AttrFanout" && instrument.Name is "attrfanout.runs.deferred" or "attrfanout.runs.skipped")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "attrfanout.function", Value: string function })
                {
                    _counts.AddOrUpdate((instrument.Name, function), (int)value, (_, count) => count + (int)value);
                }
            }
        });
        _listener.Start();
    }

    public int Deferred(string functionId) => _counts.GetValueOrDefault(("attrfanout.runs.deferred", functionId));

    public int Skipped(string functionId) => _counts.GetValueOrDefault(("attrfanout.runs.skipped", functionId));

    public void Dispose() => _listener.Dispose();
}
