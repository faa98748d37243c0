namespace AttrFanout.Sqlite.Tests;

public sealed class DeadLetterTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Failed_runs_are_filtered_by_function_event_name_and_time()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var atStart = await FailAsync(store, "e-1", "user/signup", "a", "b");
        db.Time.Advance(TimeSpan.FromMinutes(10));
        var later = await FailAsync(store, "e-2", "order/placed", "a", "c");

        Assert.Equal(4, (await store.ListFailedAsync(FailedRunFilter.All)).Runs.Count);
        Assert.Equal(
            [atStart["a"], later["a"]],
            (await store.ListFailedAsync(new FailedRunFilter(FunctionId: "a"))).Runs.Select(r => r.RunId));
        Assert.Equal(
            new[] { later["a"], later["c"] }.Order(),
            (await store.ListFailedAsync(new FailedRunFilter(EventName: "order/placed"))).Runs.Select(r => r.RunId).Order());
        Assert.Equal(
            new[] { atStart["a"], atStart["b"] }.Order(),
            (await store.ListFailedAsync(new FailedRunFilter(FailedBefore: TestDatabase.Start.AddMinutes(10)))).Runs.Select(r => r.RunId).Order());
        Assert.Equal(
            [later["c"]],
            (await store.ListFailedAsync(new FailedRunFilter(FunctionId: "c", EventName: "order/placed", FailedFrom: TestDatabase.Start.AddMinutes(10)))).Runs.Select(r => r.RunId));
        Assert.Empty((await store.ListFailedAsync(new FailedRunFilter(FunctionId: "b", EventName: "order/placed"))).Runs);
    }

    [Fact]
    public async Task Pages_cover_every_failed_run_once_in_failure_order()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var expected = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var failed = await FailAsync(store, $"e-{i}", "user/signup", "a", "b", "c");
            expected.AddRange(failed.Values.Order(StringComparer.Ordinal));
            db.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new List<string>();
        var pages = 0;
        FailedRunCursor? cursor = null;
        do
        {
            var page = await store.ListFailedAsync(FailedRunFilter.All, pageSize: 4, after: cursor);
            Assert.True(page.Runs.Count <= 4);
            seen.AddRange(page.Runs.Select(r => r.RunId));
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(expected, seen);
        Assert.Equal(4, pages);
    }

    [Fact]
    public async Task Replay_makes_failed_runs_pending_again_with_a_fresh_attempt_count()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var failed = await FailAsync(store, "e-1", "user/signup", "a", "b");
        db.Time.Advance(TimeSpan.FromMinutes(5));

        var replayed = await store.ReplayAsync([failed["a"], "no-such-run"]);

        Assert.Equal(1, replayed);
        var run = (await store.GetRunAsync(failed["a"]))!;
        Assert.Equal(StoredRunStatus.Pending, run.Status);
        Assert.Equal(1, run.Attempt);
        Assert.Equal(db.Time.GetUtcNow(), run.DueAt);
        Assert.Null(run.LastError);
        Assert.Null(run.FinishedAt);
        var leased = Assert.Single(await store.LeaseDueAsync("owner-2", 10, LeaseDuration));
        Assert.Equal(failed["a"], leased.RunId);
        Assert.Equal((1, 1), (leased.Attempt, leased.AttemptLeases));
        Assert.Equal([failed["b"]], (await store.ListFailedAsync(FailedRunFilter.All)).Runs.Select(r => r.RunId));
    }

    [Fact]
    public async Task Replay_by_filter_replays_only_the_matching_failed_runs()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var first = await FailAsync(store, "e-1", "user/signup", "a", "b");
        var second = await FailAsync(store, "e-2", "order/placed", "a");

        var replayed = await store.ReplayAsync(new FailedRunFilter(FunctionId: "a", EventName: "user/signup"));

        Assert.Equal(1, replayed);
        Assert.Equal(StoredRunStatus.Pending, (await store.GetRunAsync(first["a"]))!.Status);
        Assert.Equal(StoredRunStatus.Failed, (await store.GetRunAsync(first["b"]))!.Status);
        Assert.Equal(StoredRunStatus.Failed, (await store.GetRunAsync(second["a"]))!.Status);
    }

    [Fact]
    public async Task Replay_ignores_runs_that_did_not_fail()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var accepted = await store.AcceptAsync(Events.Create("e-1", "user/signup", "a"));
        var run = Assert.Single(await store.LeaseDueAsync("owner-1", 10, LeaseDuration));

        Assert.Equal(0, await store.ReplayAsync(accepted.RunIds));

        Assert.Equal(StoredRunStatus.Leased, (await store.GetRunAsync(run.RunId))!.Status);
    }

    /// <summary>Accepts an event, leases its runs and records each as failed; returns function Id → run Id.</summary>
    internal static async Task<Dictionary<string, string>> FailAsync(SqliteRunStore store, string eventId, string eventName, params string[] functions)
    {
        await store.AcceptAsync(Events.Create(eventId, eventName, functions));
        var leased = await store.LeaseDueAsync("dead-letter-owner", functions.Length, LeaseDuration);
        Assert.Equal(functions.Length, leased.Count);
        foreach (var run in leased)
        {
            Assert.True(await store.RecordOutcomeAsync(run.RunId, "dead-letter-owner", new RunOutcome.Failed(new RunError("Boom", $"{run.FunctionId} failed"))));
        }

        return leased.ToDictionary(r => r.FunctionId, r => r.RunId);
    }
}
