using AttrFanout.Stores;

namespace AttrFanout.Conformance;

/// <summary>
/// The runs every store gives the same meaning to, proven once for all: each store's test project derives from this
/// class and supplies its <see cref="ConformanceStore"/>.
/// </summary>
public abstract class StoreConformanceTests
{
    private static readonly TimeSpan WaitBound = TimeSpan.FromSeconds(60);

    protected abstract ConformanceStore CreateStore();

    private static string NewKey() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Every_subscribed_function_gets_one_run_that_runs_once()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var key = NewKey();

        var sent = await app.Sender.SendAsync(new ConformanceOrder(key));

        Assert.False(sent.IsDuplicate);
        Assert.Equal(2, sent.RunIds.Count);
        Assert.Equal(2, sent.RunIds.Distinct().Count());
        var runs = await Task.WhenAll(sent.RunIds.Select(id => CompletedAsync(store, app, id)));
        Assert.Equal([ConformanceFunctions.Charge, ConformanceFunctions.Receipt], runs.Select(r => r.FunctionId).Order());
        Assert.All(runs, r =>
        {
            Assert.Equal(RunStatus.Succeeded, r.Status);
            Assert.Equal(1, r.Attempts);
            Assert.Equal(sent.EventId, r.EventId);
            Assert.Equal("conformance/order", r.EventName);
        });
        Assert.Equal([1], ConformanceLog.AttemptsOf(key, ConformanceFunctions.Charge));
        Assert.Equal([1], ConformanceLog.AttemptsOf(key, ConformanceFunctions.Receipt));
    }

    [Fact]
    public async Task The_runs_of_an_event_are_named_by_its_sequence_in_the_store_and_their_function()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();

        var first = await app.Sender.SendAsync(new ConformanceOrder(NewKey()));
        var second = await app.Sender.SendAsync(new ConformanceOrder(NewKey()));

        var firstRuns = first.RunIds.Select(Parse).ToArray();
        var secondRuns = second.RunIds.Select(Parse).ToArray();
        Assert.Single(firstRuns.Select(r => r.Sequence).Distinct());
        Assert.Single(secondRuns.Select(r => r.Sequence).Distinct());
        Assert.True(secondRuns[0].Sequence > firstRuns[0].Sequence);
        Assert.Equal([ConformanceFunctions.Charge, ConformanceFunctions.Receipt], firstRuns.Select(r => r.FunctionId).Order());
        var runs = await Task.WhenAll(first.RunIds.Select(id => CompletedAsync(store, app, id)));
        Assert.All(runs, r => Assert.Equal(Parse(r.RunId).FunctionId, r.FunctionId));
        await Task.WhenAll(second.RunIds.Select(id => CompletedAsync(store, app, id)));

        static (ulong Sequence, string FunctionId) Parse(string runId) =>
            RunIds.TryParse(runId, out var sequence, out var functionId) ? (sequence, functionId) : throw new Xunit.Sdk.XunitException($"'{runId}' is not named by RunIds.");
    }

    [Fact]
    public async Task A_second_send_with_the_same_Id_is_a_duplicate_that_runs_nothing()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var key = NewKey();

        var first = await app.Sender.SendAsync(new ConformanceOrder(key), new SendOptions { Id = "order-" + key });
        var second = await app.Sender.SendAsync(new ConformanceOrder(key), new SendOptions { Id = "order-" + key });

        Assert.True(second.IsDuplicate);
        Assert.Equal(first.EventId, second.EventId);
        Assert.Equal(first.RunIds.Order(), second.RunIds.Order());
        await Task.WhenAll(first.RunIds.Select(id => CompletedAsync(store, app, id)));
        await BarrierAsync(store, app);
        Assert.Equal([1], ConformanceLog.AttemptsOf(key, ConformanceFunctions.Charge));
        Assert.Equal([1], ConformanceLog.AttemptsOf(key, ConformanceFunctions.Receipt));
    }

    [Fact]
    public async Task A_failing_run_retries_on_its_own_and_its_sibling_runs_once()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var key = NewKey();

        var sent = await app.Sender.SendAsync(new ConformanceOrder(key, FailFirst: 2));

        var runs = (await Task.WhenAll(sent.RunIds.Select(id => CompletedAsync(store, app, id)))).ToDictionary(r => r.FunctionId);
        Assert.Equal(RunStatus.Succeeded, runs[ConformanceFunctions.Charge].Status);
        Assert.Equal(3, runs[ConformanceFunctions.Charge].Attempts);
        Assert.Equal([1, 2, 3], ConformanceLog.AttemptsOf(key, ConformanceFunctions.Charge));
        Assert.Equal([1], ConformanceLog.AttemptsOf(key, ConformanceFunctions.Receipt));
    }

    [Fact]
    public async Task A_run_out_of_attempts_is_a_dead_letter_with_its_cause_and_sends_the_failure_event_once()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        using var meter = new FailedRunsMeter();
        var key = NewKey();

        var sent = await app.Sender.SendAsync(new ConformanceOrder(key, FailFirst: 99));
        var runId = await RunOfAsync(store, app, sent, ConformanceFunctions.Charge);
        var failed = await CompletedAsync(store, app, runId);

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        Assert.Equal(typeof(InvalidOperationException).FullName, failed.ErrorType);
        Assert.Equal($"attempt 3 of {key} fails", failed.ErrorMessage);
        Assert.NotNull(failed.FailedAt);
        var listed = await app.Runs.ListFailedAsync(new FailedRunQuery { FunctionId = ConformanceFunctions.Charge });
        Assert.Contains(listed, r => r.RunId == runId && r.Status == RunStatus.Failed && r.Attempts == 3);
        var failureOfCharge = ConformanceFunctions.Failures + "/" + ConformanceFunctions.Charge;
        await store.UntilAsync(() => Task.FromResult(ConformanceLog.AttemptsOf(sent.EventId, failureOfCharge).Length > 0), "the failure event is handled");
        await BarrierAsync(store, app);
        Assert.Equal([3], ConformanceLog.AttemptsOf(sent.EventId, failureOfCharge));
        Assert.Equal(1, meter.Of(ConformanceFunctions.Charge));
    }

    [Fact]
    public async Task A_non_retriable_error_fails_the_run_at_its_first_attempt()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        using var meter = new FailedRunsMeter();
        var key = NewKey();

        var sent = await app.Sender.SendAsync(new ConformanceOrder(key, FailFirst: 1, NonRetriable: true));
        var failed = await CompletedAsync(store, app, await RunOfAsync(store, app, sent, ConformanceFunctions.Charge));

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(typeof(NonRetriableException).FullName, failed.ErrorType);
        Assert.Equal([1], ConformanceLog.AttemptsOf(key, ConformanceFunctions.Charge));
        var failureOfCharge = ConformanceFunctions.Failures + "/" + ConformanceFunctions.Charge;
        await store.UntilAsync(() => Task.FromResult(ConformanceLog.AttemptsOf(sent.EventId, failureOfCharge).Length > 0), "the failure event is handled");
        Assert.Equal([1], ConformanceLog.AttemptsOf(sent.EventId, failureOfCharge));
        Assert.Equal(1, meter.Of(ConformanceFunctions.Charge));
    }

    [Fact]
    public async Task A_replayed_dead_letter_runs_again_as_a_new_run_with_fresh_attempts()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var key = NewKey();
        var sent = await app.Sender.SendAsync(new ConformanceOrder(key, FailFirst: 1, NonRetriable: true));
        var failedId = await RunOfAsync(store, app, sent, ConformanceFunctions.Charge);
        await CompletedAsync(store, app, failedId);
        ConformanceLog.Fix(key);

        var replay = await app.Runs.ReplayAsync(failedId);
        var done = await CompletedAsync(store, app, replay.RunId);

        Assert.NotEqual(failedId, replay.RunId);
        Assert.Equal(ConformanceFunctions.Charge, replay.FunctionId);
        Assert.Equal(RunStatus.Succeeded, done.Status);
        Assert.Equal(1, done.Attempts);
        Assert.Equal([1, 1], ConformanceLog.AttemptsOf(key, ConformanceFunctions.Charge));
        await Assert.ThrowsAsync<ArgumentException>(async () => await app.Runs.ReplayAsync(failedId));
    }

    [Fact]
    public async Task A_payload_over_the_limit_is_refused_and_nothing_runs()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync(o => o.MaxPayloadBytes = 1024);

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(async () =>
            await app.Sender.SendAsync(new ConformanceBlob(new string('x', 2000)), new SendOptions { Id = "too-large" }));

        Assert.Equal("conformance/blob", error.EventName);
        Assert.Equal(1024, error.LimitBytes);
        var accepted = await app.Sender.SendAsync(new ConformanceBlob("small"), new SendOptions { Id = "too-large" });
        Assert.False(accepted.IsDuplicate);
    }

    [Fact]
    public async Task A_send_whose_token_is_cancelled_accepts_nothing()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var key = NewKey();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await app.Sender.SendAsync(new ConformanceOrder(key), new SendOptions { Id = "cancelled-" + key }, new CancellationToken(canceled: true)));

        var accepted = await app.Sender.SendAsync(new ConformanceOrder(key), new SendOptions { Id = "cancelled-" + key });
        Assert.False(accepted.IsDuplicate);
        await Task.WhenAll(accepted.RunIds.Select(id => CompletedAsync(store, app, id)));
        Assert.Equal([1], ConformanceLog.AttemptsOf(key, ConformanceFunctions.Charge));
    }

    [Fact]
    public async Task An_unknown_run_Id_is_not_found()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();

        Assert.Null(await app.Runs.GetAsync("no-such-run"));
        await Assert.ThrowsAsync<ArgumentException>(async () => await app.Runs.ReplayAsync("no-such-run"));
    }

    [Fact]
    public async Task A_run_interrupted_by_shutdown_goes_back_to_pending_and_runs_again_after_a_restart_where_the_store_is_durable()
    {
        await using var store = CreateStore();
        var key = NewKey();
        await using (var first = await store.StartAsync())
        {
            var sent = await first.Sender.SendAsync(new ConformanceOrder(key, Block: true));
            await store.UntilAsync(() => Task.FromResult(ConformanceLog.AttemptsOf(key, ConformanceFunctions.Charge).Length == 1), "the blocking attempt starts");
            await first.StopAsync();
        }

        Assert.Equal([1], ConformanceLog.AttemptsOf(key, ConformanceFunctions.Charge));
        if (!store.IsDurable)
        {
            return;
        }

        ConformanceLog.Open(key);
        await using var second = await store.StartAsync();
        await store.UntilAsync(() => Task.FromResult(ConformanceLog.AttemptsOf(key, ConformanceFunctions.Charge).Length == 2), "the interrupted run runs again");
        await store.UntilAsync(() => Task.FromResult(ConformanceLog.AttemptsOf(key, ConformanceFunctions.Receipt).Length == 1), "the sibling run ran in one of the two apps");
        await BarrierAsync(store, second);
        Assert.Equal([1, 1], ConformanceLog.AttemptsOf(key, ConformanceFunctions.Charge));
        Assert.Equal([1], ConformanceLog.AttemptsOf(key, ConformanceFunctions.Receipt));
    }

    /// <summary>Waits for the run's end: through the store where it keeps finished runs, else through the engine that ran it.</summary>
    private static async Task<FunctionRun> CompletedAsync(ConformanceStore store, ConformanceApp app, string runId)
    {
        var completion = app.Runs.WaitForCompletionAsync(runId);
        await store.UntilAsync(() => Task.FromResult(completion.IsCompleted), $"run {runId} ends");
        var run = await completion.WaitAsync(WaitBound);
        if (store.KeepsSucceededRuns || run.Status == RunStatus.Failed)
        {
            var stored = await app.Runs.GetAsync(runId);
            Assert.NotNull(stored);
            Assert.Equal(run.Status, stored.Status);
            Assert.Equal(run.Attempts, stored.Attempts);
            Assert.Equal(run.FunctionId, stored.FunctionId);
            Assert.Equal(run.EventId, stored.EventId);
        }

        return run;
    }

    /// <summary>Finds which of the event's runs is <paramref name="functionId"/>'s by waiting for them to end (every run this is used on ends).</summary>
    private static async Task<string> RunOfAsync(ConformanceStore store, ConformanceApp app, SendResult sent, string functionId)
    {
        var completions = sent.RunIds.Select(id => app.Runs.WaitForCompletionAsync(id)).ToArray();
        var all = Task.WhenAll(completions);
        await store.UntilAsync(() => Task.FromResult(all.IsCompleted), $"the runs of event {sent.EventId} end");
        return (await all.WaitAsync(WaitBound)).Single(r => r.FunctionId == functionId).RunId;
    }

    /// <summary>Sends one more order and waits for both its runs, so anything sent before it has been taken by then.</summary>
    private static async Task BarrierAsync(ConformanceStore store, ConformanceApp app)
    {
        var barrier = await app.Sender.SendAsync(new ConformanceOrder(NewKey()));
        await Task.WhenAll(barrier.RunIds.Select(id => CompletedAsync(store, app, id)));
    }
}
