namespace AttrFanout.Sqlite.Tests;

public sealed class AcceptTests
{
    [Fact]
    public async Task Accept_stores_the_event_and_one_pending_run_per_function()
    {
        await using var db = new TestDatabase();
        var store = db.Open();

        var result = await store.AcceptAsync(Events.Create("e-1", "user/signup", "a", "b", "c"));

        Assert.False(result.IsDuplicate);
        Assert.Equal(3, result.RunIds.Distinct().Count());
        var runs = await store.GetRunsOfEventAsync("e-1");
        Assert.Equal(result.RunIds, runs.Select(r => r.RunId));
        Assert.Equal(["a", "b", "c"], runs.Select(r => r.FunctionId));
        Assert.All(runs, run =>
        {
            Assert.Equal(StoredRunStatus.Pending, run.Status);
            Assert.Equal(1, run.Attempt);
            Assert.Equal(5, run.MaxAttempts);
            Assert.Equal(TestDatabase.Start, run.DueAt);
            Assert.Null(run.LeaseOwner);
        });
    }

    [Fact]
    public async Task An_event_with_more_runs_than_one_insert_takes_stores_each_leased_or_pending_as_asked_in_order()
    {
        await using var db = new TestDatabase();
        var store = db.Open(o => o.LeaseDuration = TimeSpan.FromSeconds(30));
        var count = Writing.AcceptOperation.RunsPerInsert + 3;
        var runs = Enumerable.Range(0, count).Select(i => new RunToCreate($"f-{i}", 1 + (i % 4), LeaseOwner: i % 3 == 0 ? "owner" : null)).ToArray();

        var result = await store.AcceptAsync(new EventToAccept("e-1", "user/signup", TestDatabase.Start, new byte[] { 1 }, runs));

        var stored = await store.GetRunsOfEventAsync("e-1");
        Assert.Equal(result.RunIds, stored.Select(r => r.RunId));
        Assert.Equal(count, result.RunIds.Distinct().Count());
        for (var i = 0; i < count; i++)
        {
            var leased = runs[i].LeaseOwner is not null;
            Assert.Equal(
                (runs[i].FunctionId, runs[i].MaxAttempts, leased ? StoredRunStatus.Leased : StoredRunStatus.Pending, runs[i].LeaseOwner, leased ? TestDatabase.Start.AddSeconds(30) : null, leased ? 1 : 0),
                (stored[i].FunctionId, stored[i].MaxAttempts, stored[i].Status, stored[i].LeaseOwner, stored[i].LeaseUntil, stored[i].AttemptLeases));
            Assert.Equal((1, TestDatabase.Start, TestDatabase.Start), (stored[i].Attempt, stored[i].DueAt, stored[i].CreatedAt));
        }
    }

    [Fact]
    public async Task An_event_without_subscribers_is_stored_without_runs()
    {
        await using var db = new TestDatabase();
        var store = db.Open();

        var result = await store.AcceptAsync(new EventToAccept("e-1", "nobody/listens", TestDatabase.Start, new byte[] { 1 }, []));

        Assert.Empty(result.RunIds);
        using var connection = db.OpenRaw();
        Assert.Equal(1L, SchemaTests.Scalar(connection, "SELECT COUNT(*) FROM events WHERE id = 'e-1'"));
    }

    [Fact]
    public async Task Same_id_within_the_window_is_a_duplicate_and_creates_no_runs()
    {
        await using var db = new TestDatabase();
        var store = db.Open(o => o.IdempotencyWindow = TimeSpan.FromHours(1));
        var first = await store.AcceptAsync(Events.Create("e-1"));

        db.Time.Advance(TimeSpan.FromMinutes(59));
        var second = await store.AcceptAsync(Events.Create("e-1", "user/signup", "other-function"));

        Assert.True(second.IsDuplicate);
        Assert.Equal(first.RunIds, second.RunIds);
        Assert.Equal(first.RunIds, (await store.GetRunsOfEventAsync("e-1")).Select(r => r.RunId));
    }

    [Fact]
    public async Task Same_id_after_the_window_is_accepted_again_even_before_pruning()
    {
        await using var db = new TestDatabase();
        var store = db.Open(o => o.IdempotencyWindow = TimeSpan.FromHours(1));
        var first = await store.AcceptAsync(Events.Create("e-1"));

        db.Time.Advance(TimeSpan.FromHours(1));
        var second = await store.AcceptAsync(Events.Create("e-1"));

        Assert.False(second.IsDuplicate);
        Assert.Empty(second.RunIds.Intersect(first.RunIds));
        Assert.Equal(4, (await store.GetRunsOfEventAsync("e-1")).Count);
    }

    [Fact]
    public async Task Same_id_after_the_window_and_pruning_is_accepted_again()
    {
        await using var db = new TestDatabase();
        var store = db.Open(o =>
        {
            o.IdempotencyWindow = TimeSpan.FromHours(1);
            o.RetentionPeriod = TimeSpan.FromHours(1);
        });
        const string owner = "worker-1";
        await store.AcceptAsync(Events.Create("e-1"));
        foreach (var run in await store.LeaseDueAsync(owner, 10, TimeSpan.FromMinutes(1)))
        {
            Assert.True(await store.RecordOutcomeAsync(run.RunId, owner, RunOutcome.Succeeded.Instance));
        }

        db.Time.Advance(TimeSpan.FromHours(2));
        var pruned = await store.PruneAsync();
        var again = await store.AcceptAsync(Events.Create("e-1"));

        Assert.Equal(new PruneResult(SucceededRuns: 2, ExpiredFailedRuns: 0, Events: 1), pruned);
        Assert.False(again.IsDuplicate);
        Assert.Equal(again.RunIds, (await store.GetRunsOfEventAsync("e-1")).Select(r => r.RunId));
    }

    [Fact]
    public async Task Two_accepts_of_one_id_in_the_same_batch_store_it_once()
    {
        await using var db = new TestDatabase();
        var store = db.Open();

        Task<AcceptOutcome> first, second;
        using (store.Writer.HoldBatches())
        {
            first = store.AcceptAsync(Events.Create("e-1"));
            second = store.AcceptAsync(Events.Create("e-1"));
        }

        var results = await Task.WhenAll(first, second);

        Assert.Equal([false, true], results.Select(r => r.IsDuplicate));
        Assert.Equal(results[0].RunIds, results[1].RunIds);
        Assert.Equal(2, (await store.GetRunsOfEventAsync("e-1")).Count);
    }

    [Fact]
    public async Task An_event_whose_id_was_generated_fresh_skips_the_duplicate_lookup()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        await store.AcceptAsync(Events.Create("e-1"));

        var fresh = await store.AcceptAsync(Events.Create("e-1") with { MayRepeat = false });

        Assert.False(fresh.IsDuplicate);
        Assert.Equal(4, (await store.GetRunsOfEventAsync("e-1")).Count);
    }

    [Fact]
    public async Task Accept_after_dispose_throws()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AcceptAsync(Events.Create("e-1")));
    }

    [Fact]
    public async Task Accept_refuses_an_event_without_id_name_or_valid_runs()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var payload = new byte[] { 1 };

        await Assert.ThrowsAsync<ArgumentException>(() => store.AcceptAsync(new EventToAccept("", "user/signup", TestDatabase.Start, payload, Events.Runs("a"))));
        await Assert.ThrowsAsync<ArgumentException>(() => store.AcceptAsync(new EventToAccept("e-1", "", TestDatabase.Start, payload, Events.Runs("a"))));
        await Assert.ThrowsAsync<ArgumentException>(() => store.AcceptAsync(new EventToAccept("e-1", "user/signup", TestDatabase.Start, payload, [new RunToCreate("", 1)])));
        await Assert.ThrowsAsync<ArgumentException>(() => store.AcceptAsync(new EventToAccept("e-1", "user/signup", TestDatabase.Start, payload, [new RunToCreate("a", 0)])));

        Assert.Empty(await store.GetRunsOfEventAsync("e-1"));
    }
}
