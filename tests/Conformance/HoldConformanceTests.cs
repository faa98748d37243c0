using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Serialization;
using AttrFanout.FlowControl;
using AttrFanout.Generated;
using AttrFanout.Triggers;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Conformance;

/// <summary>
/// Debounce and batches as every store must keep them: each store's test project derives from this class and supplies
/// its <see cref="HoldStore"/>. The functions are built by hand (<see cref="HoldFunctions"/>) with the rules the generator
/// emits from <c>[Debounce]</c> and <c>[Batch]</c>; a probe records each run with its events, attempt and time.
/// </summary>
public abstract class HoldConformanceTests
{
    protected abstract HoldStore CreateStore();

    private static string NewTest() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Debounce_runs_once_with_the_last_event_of_a_burst_and_the_other_runs_end_skipped_as_held()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();

        var sent = new List<SendResult>();
        for (var mark = 1; mark <= 3; mark++)
        {
            sent.Add(await app.Sender.SendAsync(new DebounceJob(test, "k", mark)));
        }

        await HeldBeforeTimePassesAsync(app, sent);
        await store.UntilAsync(() => Task.FromResult(HoldProbe.Runs(test).Length == 1), "the burst runs");
        await store.PassAsync(store.Times.Period * 2);

        var run = Assert.Single(HoldProbe.Runs(test));
        Assert.Equal([3], run.Marks);
        Assert.Equal(1, run.Attempt);
        foreach (var held in sent)
        {
            var perEvent = await CompletedAsync(store, app, held.RunIds.Single());
            Assert.Equal(RunStatus.Skipped, perEvent.Status);
            Assert.Contains("[Debounce] key 'k'", perEvent.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Debounce_waits_its_period_again_after_each_event()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();
        var gap = store.Times.Period * 0.6;

        await app.Sender.SendAsync(new DebounceJob(test, "k", 1));
        await store.PassAsync(gap);
        var lastSentAt = store.Clock.GetUtcNow();
        await app.Sender.SendAsync(new DebounceJob(test, "k", 2));

        await store.UntilAsync(() => Task.FromResult(HoldProbe.Runs(test).Length == 1), "the burst runs");
        var run = Assert.Single(HoldProbe.Runs(test));
        Assert.Equal([2], run.Marks);
        Assert.True(run.At >= lastSentAt + store.Times.Period, $"ran at {run.At:O}, before the quiet period after the last event ({lastSentAt + store.Times.Period:O})");
    }

    [Fact]
    public async Task Debounce_runs_at_its_max_wait_while_events_keep_coming()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();
        var gap = store.Times.Period * 0.6;
        var firstSentAt = store.Clock.GetUtcNow();
        var mark = 0;

        // Events keep coming closer than the period for twice the max wait: only the max wait can start a run meanwhile.
        while (store.Clock.GetUtcNow() < firstSentAt + store.Times.MaxWait * 2)
        {
            await app.Sender.SendAsync(new DebounceJob(test, "k", ++mark));
            await store.PassAsync(gap);
        }

        await store.UntilAsync(() => Task.FromResult(HoldProbe.Runs(test).Length >= 2), "the burst runs at its max wait, then at its end");
        var runs = HoldProbe.Runs(test).OrderBy(static r => r.At).ToArray();
        Assert.True(runs[0].Marks[0] < mark, "the first run came only after the burst ended");
        Assert.True(runs[0].At >= firstSentAt + store.Times.MaxWait, $"the first run came at {runs[0].At:O}, before the max wait");
        Assert.Equal(mark, runs[^1].Marks[0]);
    }

    [Fact]
    public async Task Debounce_keys_are_held_apart()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();

        SendResult[] sent =
        [
            await app.Sender.SendAsync(new DebounceJob(test, "a", 1)),
            await app.Sender.SendAsync(new DebounceJob(test, "b", 2)),
            await app.Sender.SendAsync(new DebounceJob(test, "a", 3)),
        ];

        await HeldBeforeTimePassesAsync(app, sent);
        await store.UntilAsync(() => Task.FromResult(HoldProbe.Runs(test).Length == 2), "each key runs");
        await store.PassAsync(store.Times.Period * 2);
        var runs = HoldProbe.Runs(test);
        Assert.Equal(2, runs.Length);
        Assert.Equal([3], runs.Single(r => r.Key == "a").Marks);
        Assert.Equal([2], runs.Single(r => r.Key == "b").Marks);
    }

    [Fact]
    public async Task A_full_batch_runs_at_once_with_its_events_oldest_first()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();
        var firstSentAt = store.Clock.GetUtcNow();

        var sent = new List<SendResult>();
        for (var mark = 1; mark <= HoldFunctions.BatchSize; mark++)
        {
            sent.Add(await app.Sender.SendAsync(new BatchJob(test, "k", mark)));
        }

        await HeldBeforeTimePassesAsync(app, sent);
        await store.UntilAsync(() => Task.FromResult(HoldProbe.Runs(test).Length == 1), "the full batch runs");
        var run = Assert.Single(HoldProbe.Runs(test));
        Assert.Equal([1, 2, 3], run.Marks);
        Assert.True(run.At < firstSentAt + store.Times.BatchTimeout, "a full batch waited for its timeout");
        var perEvent = await CompletedAsync(store, app, sent[0].RunIds.Single());
        Assert.Equal(RunStatus.Skipped, perEvent.Status);
        Assert.Contains("[Batch] key 'k'", perEvent.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partial_batch_runs_at_its_timeout()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();
        var firstSentAt = store.Clock.GetUtcNow();

        await app.Sender.SendAsync(new BatchJob(test, "k", 1));
        await app.Sender.SendAsync(new BatchJob(test, "k", 2));

        await store.UntilAsync(() => Task.FromResult(HoldProbe.Runs(test).Length == 1), "the partial batch runs");
        var run = Assert.Single(HoldProbe.Runs(test));
        Assert.Equal([1, 2], run.Marks);
        Assert.True(run.At >= firstSentAt + store.Times.BatchTimeout, $"the batch ran at {run.At:O}, before its timeout");
    }

    [Fact]
    public async Task A_batch_stops_short_of_its_byte_limit_and_the_next_event_starts_the_next_batch()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();
        var pad = new string('x', HoldFunctions.BatchBytes * 2 / 3);

        await app.Sender.SendAsync(new BatchJob(test, "k", 1) { Pad = pad });
        await app.Sender.SendAsync(new BatchJob(test, "k", 2) { Pad = pad });

        await store.UntilAsync(() => Task.FromResult(HoldProbe.Runs(test).Length == 2), "each event runs in a batch of its own");
        var runs = HoldProbe.Runs(test).OrderBy(static r => r.Marks[0]).ToArray();
        Assert.Equal([1], runs[0].Marks);
        Assert.Equal([2], runs[1].Marks);
    }

    [Fact]
    public async Task Batches_are_formed_per_key()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();

        await app.Sender.SendAsync(new BatchJob(test, "a", 1));
        await app.Sender.SendAsync(new BatchJob(test, "b", 2));
        await app.Sender.SendAsync(new BatchJob(test, "a", 3));
        await app.Sender.SendAsync(new BatchJob(test, "b", 4));

        await store.UntilAsync(() => Task.FromResult(HoldProbe.Runs(test).Length == 2), "each key's batch runs");
        var runs = HoldProbe.Runs(test);
        Assert.Equal([1, 3], runs.Single(r => r.Key == "a").Marks);
        Assert.Equal([2, 4], runs.Single(r => r.Key == "b").Marks);
    }

    [Fact]
    public async Task A_batch_is_retried_as_a_unit()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();

        for (var mark = 1; mark <= HoldFunctions.BatchSize; mark++)
        {
            await app.Sender.SendAsync(new BatchJob(test, "k", mark) { FailFirst = mark == 2 ? 1 : 0 });
        }

        await store.UntilAsync(() => Task.FromResult(HoldProbe.Runs(test).Length == 2), "the batch fails once, then succeeds");
        var attempts = HoldProbe.Runs(test).OrderBy(static r => r.Attempt).ToArray();
        Assert.Equal([1, 2], attempts.Select(static r => r.Attempt));
        Assert.All(attempts, a => Assert.Equal([1, 2, 3], a.Marks));
        Assert.Equal(attempts[0].RunId, attempts[1].RunId);
        var run = await CompletedAsync(store, app, attempts[0].RunId);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(2, run.Attempts);
    }

    [Fact]
    public async Task A_batch_fails_as_a_unit_after_its_retries()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();

        for (var mark = 1; mark <= HoldFunctions.BatchSize; mark++)
        {
            await app.Sender.SendAsync(new BatchJob(test, "k", mark) { FailFirst = mark == 3 ? 99 : 0 });
        }

        await store.UntilAsync(() => Task.FromResult(HoldProbe.Runs(test).Length == HoldFunctions.BatchRetries + 1), "every attempt of the batch runs");
        var runId = HoldProbe.Runs(test)[0].RunId;
        var run = await CompletedAsync(store, app, runId);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(HoldFunctions.BatchRetries + 1, run.Attempts);
        Assert.All(HoldProbe.Runs(test), a => Assert.Equal([1, 2, 3], a.Marks));
        Assert.All(HoldProbe.Runs(test), a => Assert.Equal(runId, a.RunId));
    }

    /// <summary>
    /// Waits, without moving the store's clock, until the per-event runs of <paramref name="sent"/> have added their events
    /// to the hold: a burst is a burst only if its events are held before its quiet period passes, however slow the machine.
    /// </summary>
    private static Task HeldBeforeTimePassesAsync(ConformanceApp app, IEnumerable<SendResult> sent) =>
        Task.WhenAll(sent.Select(s => app.Runs.WaitForCompletionAsync(s.RunIds.Single()))).WaitAsync(Polling.Bound);

    private static async Task<FunctionRun> CompletedAsync(ConformanceStore store, ConformanceApp app, string runId)
    {
        var completion = app.Runs.WaitForCompletionAsync(runId);
        await store.UntilAsync(() => Task.FromResult(completion.IsCompleted), $"run {runId} ends");
        var run = await completion.WaitAsync(Polling.Bound);
        if (store.KeepsSucceededRuns || run.Status != RunStatus.Succeeded)
        {
            var stored = await app.Runs.GetAsync(runId);
            Assert.NotNull(stored);
            Assert.Equal(run.Status, stored.Status);
            run = stored;
        }

        return run;
    }
}

/// <summary>The times of the suite's rules, scaled to the store's clock (a fake one moves a second at a time).</summary>
/// <param name="Period">The debounce's quiet period.</param>
/// <param name="MaxWait">The debounce's longest wait.</param>
/// <param name="BatchTimeout">How long a batch waits to fill.</param>
public sealed record HoldTimes(TimeSpan Period, TimeSpan MaxWait, TimeSpan BatchTimeout)
{
    public static readonly HoldTimes FakeClock = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
}

/// <summary>A store under the hold suite: apps built with the hand-made <see cref="HoldFunctions"/> module over this store.</summary>
public abstract class HoldStore : ConformanceStore
{
    /// <inheritdoc />
    protected override bool HasConformanceFunctions => false;

    /// <summary>Gets the store's clock, which the probe reads for each run.</summary>
    public abstract TimeProvider Clock { get; }

    /// <summary>Gets the times of the rules for this store's clock.</summary>
    public virtual HoldTimes Times => HoldTimes.FakeClock;

    /// <summary>Lets <paramref name="span"/> pass on the store's clock.</summary>
    public abstract Task PassAsync(TimeSpan span);

    /// <summary>Adds the store's own services (its clock) to a new app's services.</summary>
    protected abstract void AddServices(IServiceCollection services);

    /// <summary>Sets the store in a new app's options; nothing for the in-memory store.</summary>
    protected abstract void UseStore(AttrFanoutOptions options);

    protected sealed override ServiceProvider Build(Action<AttrFanoutOptions> configure)
    {
        var services = new ServiceCollection();
        AddServices(services);
        AttrFanoutRegistration.AddAttrFanoutCore(services, [HoldFunctions.Module(Times)], o =>
        {
            o.BaseRetryDelay = TimeSpan.FromMilliseconds(100);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
            UseStore(o);
            configure(o);
        });
        return services.BuildServiceProvider();
    }

    /// <summary>Moves a fake clock a second at a time, letting the engine react between steps, as <see cref="Polling"/> does.</summary>
    protected static async Task StepAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, TimeSpan span)
    {
        for (var left = span; left > TimeSpan.Zero; left -= TimeSpan.FromSeconds(1))
        {
            clock.Advance(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
            var settle = Stopwatch.StartNew();
            while (settle.ElapsedMilliseconds < 20)
            {
                await Task.Yield();
            }
        }
    }
}

public sealed record DebounceJob(string Test, string Key, int Mark) : IEventPayload
{
    public static string EventName => "hold/debounce";
}

public sealed record BatchJob(string Test, string Key, int Mark) : IEventPayload
{
    public static string EventName => "hold/batch";

    public int FailFirst { get; init; }

    public string Pad { get; init; } = "";
}

[JsonSerializable(typeof(DebounceJob))]
[JsonSerializable(typeof(BatchJob))]
internal sealed partial class HoldJobJsonContext : JsonSerializerContext;

/// <summary>The suite's functions, built by hand with the rules the generator would emit from their attributes.</summary>
public static class HoldFunctions
{
    public const string Debounce = "hold-debounce";
    public const string Batch = "hold-batch";
    public const int BatchSize = 3;
    public const int BatchBytes = 300;
    public const int BatchRetries = 2;

    public static IFanoutModule Module(HoldTimes times) => new HoldModule(times);

    private sealed class HoldModule(HoldTimes times) : IFanoutModule
    {
        public string AssemblyName => "AttrFanout.Conformance.Holds";

        public void Register(FanoutModuleBuilder builder)
        {
            builder.AddEvent(new EventDescriptor<DebounceJob>(DebounceJob.EventName, HoldJobJsonContext.Default));
            builder.AddEvent(new EventDescriptor<BatchJob>(BatchJob.EventName, HoldJobJsonContext.Default));
            builder.AddFunction(new FunctionDescriptor<DebounceJob>(Debounce, DebounceJob.EventName, static (_, e, context, _) =>
            {
                HoldProbe.Record(e.Data.Test, e.Data.Key, [e.Data.Mark], context);
                return default;
            })
            {
                Handler = "AttrFanout.Conformance.HoldFunctions.Debounce",
                Debounce = new DebounceRule(times.Period) { MaxWait = times.MaxWait, Key = new PayloadKey(nameof(DebounceJob.Key), static p => ((DebounceJob)p).Key) },
            });
            builder.AddFunction(new FunctionDescriptor<BatchJob>(Batch, BatchJob.EventName, static (services, e, context, ct) => RunBatchAsync([e], context))
            {
                Handler = "AttrFanout.Conformance.HoldFunctions.Batch",
                Retries = BatchRetries,
                Batch = new BatchRule(BatchSize, times.BatchTimeout) { MaxBytes = BatchBytes, Key = new PayloadKey(nameof(BatchJob.Key), static p => ((BatchJob)p).Key) },
                BatchInvoker = static (_, events, context, _) => RunBatchAsync(events, context),
            });
        }

        private static ValueTask RunBatchAsync(IReadOnlyList<Event<BatchJob>> events, FunctionContext context)
        {
            var first = events[0].Data;
            HoldProbe.Record(first.Test, first.Key, [.. events.Select(static e => e.Data.Mark)], context);
            if (events.Any(e => context.Attempt <= e.Data.FailFirst))
            {
                throw new InvalidOperationException($"attempt {context.Attempt} of the batch fails");
            }

            return default;
        }
    }
}

/// <summary>Each run of the suite's functions, per test: its key, the marks of its events, its attempt and when it ran.</summary>
public static class HoldProbe
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<HoldRun>> ByTest = new(StringComparer.Ordinal);

    public static void Record(string test, string key, int[] marks, FunctionContext context)
    {
        var at = context.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        ByTest.GetOrAdd(test, static _ => new()).Enqueue(new HoldRun(key, marks, context.Attempt, at, context.RunId));
    }

    public static HoldRun[] Runs(string test) => ByTest.TryGetValue(test, out var runs) ? [.. runs] : [];

    public sealed record HoldRun(string Key, int[] Marks, int Attempt, DateTimeOffset At, string RunId);
}
