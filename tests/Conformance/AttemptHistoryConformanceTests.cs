namespace AttrFanout.Conformance;

/// <summary>
/// Every attempt of a run kept and shown the same way on every store: in order, each with its times, outcome and error,
/// bounded to the store's latest attempts with the rest counted, never a silent gap. Each store's test project derives
/// from this class and supplies its <see cref="ConformanceStore"/>.
/// </summary>
public abstract class AttemptHistoryConformanceTests
{
    private static readonly TimeSpan WaitBound = TimeSpan.FromSeconds(60);

    protected abstract ConformanceStore CreateStore();

    private static string NewKey() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_run_that_failed_twice_shows_both_attempts_while_its_third_executes_and_all_three_once_it_succeeded()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var key = NewKey();
        var sent = await app.Sender.SendAsync(new ConformanceOrder(key, FailFirst: 2, BlockFrom: 3));
        var runIds = RunIdsOf(sent);
        var chargeId = runIds[ConformanceFunctions.Charge];

        FunctionRun? executing = null;
        await store.UntilAsync(
            async () => (executing = await app.Runs.GetAsync(chargeId)) is { Status: RunStatus.Running, Attempts: 2 },
            "the third attempt executes");

        Assert.Equal([1, 2], executing!.AttemptHistory.Select(a => a.Number));
        Assert.All(executing.AttemptHistory, a => AssertFailed(a, key, RunAttemptOutcome.FailedWillRetry));
        Assert.Equal(0, executing.AttemptsNotKept);
        Assert.True(executing.AttemptHistory[1].StartedAt >= executing.AttemptHistory[0].EndedAt);

        ConformanceLog.Open(key);
        await EndedAsync(store, app, [chargeId, runIds[ConformanceFunctions.Receipt]]);
        if (!store.KeepsSucceededRuns)
        {
            return;
        }

        var succeeded = await app.Runs.GetAsync(chargeId);
        Assert.NotNull(succeeded);
        Assert.Equal([1, 2, 3], succeeded.AttemptHistory.Select(a => a.Number));
        Assert.Equal(
            [RunAttemptOutcome.FailedWillRetry, RunAttemptOutcome.FailedWillRetry, RunAttemptOutcome.Succeeded],
            succeeded.AttemptHistory.Select(a => a.Outcome));
        Assert.Null(succeeded.AttemptHistory[2].ErrorType);
        Assert.True(succeeded.AttemptHistory[2].StartedAt >= succeeded.AttemptHistory[1].EndedAt);
        Assert.Equal(0, succeeded.AttemptsNotKept);

        var receipt = await app.Runs.GetAsync(runIds[ConformanceFunctions.Receipt]);
        var only = Assert.Single(receipt!.AttemptHistory);
        Assert.Equal((1, RunAttemptOutcome.Succeeded), (only.Number, only.Outcome));
        Assert.True(only.EndedAt >= only.StartedAt && only.EndedAt <= receipt.UpdatedAt, $"{only.StartedAt:O} – {only.EndedAt:O}, updated {receipt.UpdatedAt:O}");
        Assert.Equal(0, receipt.AttemptsNotKept);
    }

    [Fact]
    public async Task A_run_that_failed_for_good_shows_every_attempt_with_its_error_and_stack_trace()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var key = NewKey();
        var sent = await app.Sender.SendAsync(new ConformanceOrder(key, FailFirst: 99));
        var chargeId = RunIdsOf(sent)[ConformanceFunctions.Charge];
        await EndedAsync(store, app, [chargeId]);

        var failed = await app.Runs.GetAsync(chargeId);

        Assert.NotNull(failed);
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Equal([1, 2, 3], failed.AttemptHistory.Select(a => a.Number));
        AssertFailed(failed.AttemptHistory[0], key, RunAttemptOutcome.FailedWillRetry);
        AssertFailed(failed.AttemptHistory[1], key, RunAttemptOutcome.FailedWillRetry);
        AssertFailed(failed.AttemptHistory[2], key, RunAttemptOutcome.Failed);
        Assert.Equal(0, failed.AttemptsNotKept);

        var listed = await app.Runs.ListFailedAsync(new FailedRunQuery { FunctionId = ConformanceFunctions.Charge });
        var inList = Assert.Single(listed, r => r.RunId == chargeId);
        Assert.Equal(inList.Attempts, inList.AttemptHistory.Count + inList.AttemptsNotKept);
    }

    [Fact]
    public async Task A_run_with_more_attempts_than_the_store_keeps_shows_the_latest_and_counts_the_rest()
    {
        const int attempts = 25;
        await using var store = CreateStore();
        await using var app = await store.StartAsync(o =>
        {
            o.Functions[ConformanceFunctions.Charge] = new FunctionOptions { Retries = attempts - 1 };
            o.BaseRetryDelay = TimeSpan.FromMilliseconds(100);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
        });
        var key = NewKey();
        var sent = await app.Sender.SendAsync(new ConformanceOrder(key, FailFirst: 99));
        var chargeId = RunIdsOf(sent)[ConformanceFunctions.Charge];
        await EndedAsync(store, app, [chargeId]);

        var failed = await app.Runs.GetAsync(chargeId);

        Assert.NotNull(failed);
        Assert.Equal(attempts, failed.Attempts);
        var kept = Math.Min(store.AttemptsKept, attempts);
        Assert.True(kept < attempts, "the test needs more attempts than the store keeps");
        Assert.Equal(Enumerable.Range(attempts - kept + 1, kept), failed.AttemptHistory.Select(a => a.Number));
        Assert.Equal(attempts - kept, failed.AttemptsNotKept);
        Assert.Equal(RunAttemptOutcome.Failed, failed.AttemptHistory[^1].Outcome);
        Assert.All(failed.AttemptHistory.SkipLast(1), a => AssertFailed(a, key, RunAttemptOutcome.FailedWillRetry));
    }

    private static void AssertFailed(RunAttempt attempt, string key, RunAttemptOutcome outcome)
    {
        Assert.Equal(outcome, attempt.Outcome);
        Assert.Equal(typeof(InvalidOperationException).FullName, attempt.ErrorType);
        Assert.Equal($"attempt {attempt.Number} of {key} fails", attempt.ErrorMessage);
        Assert.Contains(nameof(ConformanceFunctions.ChargeAsync), attempt.StackTrace, StringComparison.Ordinal);
        Assert.True(attempt.StackTrace!.Length <= RunAttempt.MaxStackTraceLength);
        Assert.True(attempt.EndedAt >= attempt.StartedAt);
    }

    private static Dictionary<string, string> RunIdsOf(SendResult sent)
    {
        var byFunction = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var runId in sent.RunIds)
        {
            Assert.True(Stores.RunIds.TryParse(runId, out _, out var functionId), runId);
            byFunction[functionId] = runId;
        }

        return byFunction;
    }

    private static async Task EndedAsync(ConformanceStore store, ConformanceApp app, IReadOnlyList<string> runIds)
    {
        var completions = runIds.Select(id => app.Runs.WaitForCompletionAsync(id)).ToArray();
        var all = Task.WhenAll(completions);
        await store.UntilAsync(() => Task.FromResult(all.IsCompleted), "the runs end");
        await all.WaitAsync(WaitBound);
    }
}
