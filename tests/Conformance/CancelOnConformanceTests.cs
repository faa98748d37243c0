using System.Text.Json.Serialization;
using AttrFanout.FlowControl;
using AttrFanout.Generated;
using AttrFanout.Triggers;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Conformance;

/// <summary>
/// Cancel-on-event as every store must keep it: a matching event ends a pending run, a run waiting for its retry and an
/// executing run (its token fired) cancelled, naming the event; a run that does not match, a run of a newer event and a run
/// older than the rule's timeout carry on. Each store's test project derives from this class and supplies its <see cref="CancelOnStore"/>.
/// The functions are built by hand (<see cref="CancelOnFunctions"/>) with the rules the generator emits from <c>[CancelOn]</c>.
/// </summary>
public abstract class CancelOnConformanceTests
{
    private static readonly TimeSpan WaitBound = TimeSpan.FromSeconds(60);

    protected abstract CancelOnStore CreateStore();

    protected static string NewTest() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// Retries that wait long enough to be cancelled while they wait: hours where the store cancels a waiting run at once,
    /// seconds where it cancels it when it comes due (so the test sees it end).
    /// </summary>
    protected static Action<AttrFanoutOptions> Retries(CancelOnStore store) => o =>
    {
        var delay = store.CancelsWaitingRunsAtOnce ? TimeSpan.FromHours(4) : TimeSpan.FromSeconds(3);
        o.BaseRetryDelay = delay;
        o.MaxRetryDelay = delay;
    };

    /// <summary>A run the event did not cancel: still waiting for its retry, or, where waiting runs are checked when due, ended by its retry.</summary>
    private static async Task NotCancelledAsync(CancelOnStore store, ConformanceApp app, SendResult sent)
    {
        if (store.CancelsWaitingRunsAtOnce)
        {
            Assert.Equal(RunStatus.RetryScheduled, (await app.Runs.GetAsync(sent.RunIds.Single()))?.Status);
        }
        else
        {
            Assert.Equal(RunStatus.Succeeded, (await CompletedAsync(store, app, sent.RunIds.Single())).Status);
        }
    }

    [Fact]
    public async Task A_matching_event_cancels_a_pending_run_which_never_executes_and_leaves_the_executing_run_of_another_key()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();

        var executing = await app.Sender.SendAsync(new Onboarding(test, "ada") { Block = true });
        await store.UntilAsync(() => Task.FromResult(FlowProbe.Executing(test, "ada") == 1), "the first run holds the function's one slot");
        var pending = await app.Sender.SendAsync(new Onboarding(test, "bob"));
        await store.PassAsync();

        var deleted = await app.Sender.SendAsync(new AccountDeleted(test, "bob"));

        if (!store.CancelsPendingRunsAtOnce)
        {
            FlowProbe.Open(test);
        }

        var cancelled = await CompletedAsync(store, app, pending.RunIds.Single());
        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.Equal($"cancelled by event '{deleted.EventId}' ({AccountDeleted.EventName})", cancelled.Reason);
        Assert.Equal($"cancelled by event '{deleted.EventId}' ({AccountDeleted.EventName})", (await app.Runs.GetAsync(pending.RunIds.Single()))?.Reason);
        FlowProbe.Open(test);
        Assert.Equal(RunStatus.Succeeded, (await CompletedAsync(store, app, executing.RunIds.Single())).Status);
        var barrier = await app.Sender.SendAsync(new Onboarding(test, "barrier"));
        await CompletedAsync(store, app, barrier.RunIds.Single());
        Assert.Empty(FlowProbe.Starts(test, "bob"));
    }

    [Fact]
    public async Task A_matching_event_cancels_a_run_waiting_for_its_retry_and_not_the_run_of_another_key()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync(Retries(store));
        var test = NewTest();

        var matching = await app.Sender.SendAsync(new Onboarding(test, "ada") { FailFirst = 1 });
        var other = await app.Sender.SendAsync(new Onboarding(test, "bob") { FailFirst = 1 });
        await WaitingForRetryAsync(store, app, matching, other);
        await store.PassAsync();

        var deleted = await app.Sender.SendAsync(new AccountDeleted(test, "ada"));

        var cancelled = await CompletedAsync(store, app, matching.RunIds.Single());
        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.Contains($"'{deleted.EventId}'", cancelled.Reason, StringComparison.Ordinal);
        await NotCancelledAsync(store, app, other);
        Assert.Single(FlowProbe.Starts(test, "ada"));
    }

    [Fact]
    public async Task A_matching_event_fires_the_token_of_an_executing_run_which_ends_cancelled_without_a_retry()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();

        var sent = await app.Sender.SendAsync(new Onboarding(test, "ada") { Block = true });
        var runId = sent.RunIds.Single();
        await store.UntilAsync(() => Task.FromResult(FlowProbe.Executing(test, "ada") == 1), "the run executes");
        await store.PassAsync();

        var deleted = await app.Sender.SendAsync(new AccountDeleted(test, "ada"));

        var run = await CompletedAsync(store, app, runId);
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Equal($"cancelled by event '{deleted.EventId}' ({AccountDeleted.EventName})", run.Reason);
        Assert.Equal(1, run.Attempts);
        Assert.True(FlowProbe.TokenFired(runId), "the attempt's token fired");
        Assert.Single(FlowProbe.Starts(test, "ada"));
    }

    [Fact]
    public async Task A_run_of_an_event_newer_than_the_cancelling_event_runs()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var test = NewTest();

        await app.Sender.SendAsync(new AccountDeleted(test, "ada"));
        await store.PassAsync();
        var later = await app.Sender.SendAsync(new Onboarding(test, "ada"));

        var run = await CompletedAsync(store, app, later.RunIds.Single());
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Single(FlowProbe.Starts(test, "ada"));
    }

    [Fact]
    public async Task An_if_condition_over_both_payloads_decides_which_runs_are_cancelled()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync(Retries(store));
        var test = NewTest();

        var ada = await app.Sender.SendAsync(new Onboarding(test, "ada") { FailFirst = 1 });
        var bob = await app.Sender.SendAsync(new Onboarding(test, "bob") { FailFirst = 1 });
        await WaitingForRetryAsync(store, app, ada, bob);
        await store.PassAsync();

        await app.Sender.SendAsync(new PlanChanged(test, "ada", "pro"));
        var downgrade = await app.Sender.SendAsync(new PlanChanged(test, "ada", "free"));

        var cancelled = await CompletedAsync(store, app, ada.RunIds.Single());
        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.Equal($"cancelled by event '{downgrade.EventId}' ({PlanChanged.EventName})", cancelled.Reason);
        await NotCancelledAsync(store, app, bob);
    }

    protected static async Task WaitingForRetryAsync(CancelOnStore store, ConformanceApp app, params SendResult[] sent)
    {
        foreach (var send in sent)
        {
            var runId = send.RunIds.Single();
            await store.UntilAsync(async () => (await app.Runs.GetAsync(runId))?.Status == RunStatus.RetryScheduled, $"run {runId} waits for its retry");
        }
    }

    /// <summary>Waits for the run's end and checks the store lists it as it ended (where the store keeps such runs).</summary>
    protected static async Task<FunctionRun> CompletedAsync(ConformanceStore store, ConformanceApp app, string runId)
    {
        var completion = app.Runs.WaitForCompletionAsync(runId);
        await store.UntilAsync(() => Task.FromResult(completion.IsCompleted), $"run {runId} ends");
        var run = await completion.WaitAsync(WaitBound);
        if (store.KeepsSucceededRuns || run.Status != RunStatus.Succeeded)
        {
            var stored = await app.Runs.GetAsync(runId);
            Assert.NotNull(stored);
            Assert.Equal(run.Status, stored.Status);
        }

        return run;
    }
}

/// <summary>
/// The cancel-on suite with the tests that move the store's clock past a rule's timeout: for the stores that run on a fake
/// clock (in memory, SQLite). On JetStream, whose clock is the server's, the same window is decided by the one engine-side
/// check these tests exercise (<c>CancelOnMatch</c>, unit-tested on its own).
/// </summary>
public abstract class FakeClockCancelOnConformanceTests : CancelOnConformanceTests
{
    [Fact]
    public async Task A_cancelling_event_past_the_rules_timeout_leaves_the_run_and_cancels_a_run_inside_it()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync(Retries(store));
        var test = NewTest();

        var old = await app.Sender.SendAsync(new Onboarding(test, "ada") { FailFirst = 1 });
        await WaitingForRetryAsync(store, app, old);
        store.MoveClock(CancelOnFunctions.Watch + TimeSpan.FromMinutes(1));
        var recent = await app.Sender.SendAsync(new Onboarding(test, "ada") { FailFirst = 1 });
        await WaitingForRetryAsync(store, app, recent);
        await store.PassAsync();

        await app.Sender.SendAsync(new AccountDeleted(test, "ada"));

        Assert.Equal(RunStatus.Cancelled, (await CompletedAsync(store, app, recent.RunIds.Single())).Status);
        var kept = await app.Runs.GetAsync(old.RunIds.Single());
        Assert.Equal(RunStatus.RetryScheduled, kept?.Status);
        Assert.Null(kept?.Reason);
    }
}

/// <summary>A store under the cancel-on suite: apps built with the hand-made <see cref="CancelOnFunctions"/> module, on its clock.</summary>
public abstract class CancelOnStore : ConformanceStore
{
    /// <inheritdoc />
    protected override bool HasConformanceFunctions => false;

    /// <summary>Gets the store's clock.</summary>
    public abstract TimeProvider Time { get; }

    /// <summary>
    /// Gets whether a pending run ends cancelled as soon as the event is accepted; a store that checks deliveries against
    /// recorded cancelling events (JetStream) ends it when it is delivered.
    /// </summary>
    public virtual bool CancelsPendingRunsAtOnce => true;

    /// <summary>Gets whether a run waiting for its retry ends cancelled as soon as the event is accepted, rather than when it comes due.</summary>
    public virtual bool CancelsWaitingRunsAtOnce => true;

    /// <summary>Moves the store's fake clock by <paramref name="by"/>.</summary>
    public abstract void MoveClock(TimeSpan by);

    /// <summary>Waits until the clock has passed the present instant, so the next event is newer than every event before.</summary>
    public Task PassAsync()
    {
        var now = Time.GetUtcNow();
        return UntilAsync(() => Task.FromResult(Time.GetUtcNow() > now + TimeSpan.FromMilliseconds(1)), "the clock passes the last event");
    }

    /// <summary>Adds the store's own services (its clock) to a new app's services.</summary>
    protected abstract void AddServices(IServiceCollection services);

    /// <summary>Sets the store in a new app's options; nothing for the in-memory store.</summary>
    protected abstract void UseStore(AttrFanoutOptions options);

    protected sealed override ServiceProvider Build(Action<AttrFanoutOptions> configure)
    {
        var services = new ServiceCollection();
        AddServices(services);
        AttrFanoutRegistration.AddAttrFanoutCore(services, [CancelOnFunctions.Module], o =>
        {
            UseStore(o);
            configure(o);
        });
        return services.BuildServiceProvider();
    }
}

/// <summary>An onboarding sequence for a user (<see cref="FlowJob.Key"/>), which the user's deletion or a downgrade cancels.</summary>
public sealed record Onboarding(string Test, string Key) : FlowJob(Test, Key), IEventPayload
{
    public static string EventName => "cancel-on/onboarding";
}

public sealed record AccountDeleted(string Test, string UserId) : IEventPayload
{
    public static string EventName => "cancel-on/account-deleted";
}

public sealed record PlanChanged(string Test, string UserId, string Plan) : IEventPayload
{
    public static string EventName => "cancel-on/plan-changed";
}

[JsonSerializable(typeof(Onboarding))]
[JsonSerializable(typeof(AccountDeleted))]
[JsonSerializable(typeof(PlanChanged))]
internal sealed partial class CancelOnJsonContext : JsonSerializerContext;

/// <summary>
/// The suite's function, built by hand with the rules the generator emits for
/// <c>[CancelOn("cancel-on/account-deleted", Match = "UserId", TimeoutSeconds = 3600)]</c> (the run's <c>Key</c>, the
/// event's <c>UserId</c>) and <c>[CancelOn("cancel-on/plan-changed", If = nameof(Downgraded))]</c>; one run at a time.
/// </summary>
public static class CancelOnFunctions
{
    public const string Onboard = "cancel-on-onboard";

    public static readonly TimeSpan Watch = TimeSpan.FromHours(1);

    public static readonly IFanoutModule Module = new CancelOnModule();

    /// <summary>The <c>If</c> condition: the same test and user, moved to the free plan.</summary>
    public static bool Downgraded(Onboarding run, PlanChanged changed) =>
        run.Test == changed.Test && run.Key == changed.UserId && changed.Plan == "free";

    private sealed class CancelOnModule : IFanoutModule
    {
        public string AssemblyName => "AttrFanout.Conformance.CancelOn";

        public void Register(FanoutModuleBuilder builder)
        {
            builder.AddEvent(new EventDescriptor<Onboarding>(Onboarding.EventName, CancelOnJsonContext.Default));
            builder.AddEvent(new EventDescriptor<AccountDeleted>(AccountDeleted.EventName, CancelOnJsonContext.Default));
            builder.AddEvent(new EventDescriptor<PlanChanged>(PlanChanged.EventName, CancelOnJsonContext.Default));
            builder.AddFunction(new FunctionDescriptor<Onboarding>(Onboard, Onboarding.EventName, static (_, e, context, ct) => FlowProbe.RunAsync(e.Data, context, ct))
            {
                Handler = "AttrFanout.Conformance.CancelOnFunctions.Onboard",
                Concurrency = 1,
                Retries = 2,
                CancelOn =
                [
                    new CancelOnRule(AccountDeleted.EventName)
                    {
                        Timeout = Watch,
                        RunKey = new PayloadKey("UserId", static payload => ((Onboarding)payload).Test + "/" + ((Onboarding)payload).Key),
                        CancellingKey = new PayloadKey("UserId", static payload => ((AccountDeleted)payload).Test + "/" + ((AccountDeleted)payload).UserId),
                    },
                    new CancelOnRule(PlanChanged.EventName)
                    {
                        If = static (run, cancelling) => Downgraded((Onboarding)run, (PlanChanged)cancelling),
                    },
                ],
            });
        }
    }
}
