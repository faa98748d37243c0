namespace AttrFanout.Sqlite.Tests.Flow;

public sealed class FlowOutcomeTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_deferred_run_is_pending_until_its_time_with_its_attempt_and_lease_count_unchanged()
    {
        await using var db = new TestDatabase();
        var store = db.Open(o => o.MaxLeasesPerAttempt = 2);
        await store.AcceptAsync(Events.Create("e-1", "user/signup", "a"));
        var dueAt = TestDatabase.Start.AddSeconds(5);

        for (var deferral = 0; deferral < 5; deferral++)
        {
            var run = Assert.Single(await store.LeaseDueAsync("owner", 10, LeaseDuration));
            Assert.Equal((1, 1), (run.Attempt, run.AttemptLeases));
            Assert.True(await store.RecordOutcomeAsync(run.RunId, "owner", new RunOutcome.Deferred(dueAt)));

            var stored = (await store.GetRunAsync(run.RunId))!;
            Assert.Equal((StoredRunStatus.Pending, dueAt, (string?)null, 0), (stored.Status, stored.DueAt, stored.LeaseOwner, stored.AttemptLeases));
            Assert.Empty(await store.LeaseDueAsync("owner", 10, LeaseDuration));
            db.Time.Advance(TimeSpan.FromSeconds(5));
            dueAt = db.Time.GetUtcNow().AddSeconds(5);
        }
    }

    [Fact]
    public async Task A_skipped_run_is_final_with_its_reason_and_pruned_like_a_succeeded_one()
    {
        await using var db = new TestDatabase();
        var store = db.Open(o => o.RetentionPeriod = TimeSpan.FromHours(1));
        await store.AcceptAsync(Events.Create("e-1", "user/signup", "a"));
        var run = Assert.Single(await store.LeaseDueAsync("owner", 10, LeaseDuration));

        Assert.True(await store.RecordOutcomeAsync(run.RunId, "owner", new RunOutcome.Ended(StoredRunStatus.Skipped, 0, "rate limit 1 per 01:00:00 for key 'u-1'")));

        Assert.Equal((StoredRunStatus.Skipped, "rate limit 1 per 01:00:00 for key 'u-1'", 0), await CancelTests.StateAsync(db, run.RunId));
        Assert.NotNull((await store.GetRunAsync(run.RunId))!.FinishedAt);
        db.Time.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await store.LeaseDueAsync("owner", 10, LeaseDuration));
        Assert.Equal(new PruneResult(1, 0, 1), await store.PruneAsync());
    }

    [Fact]
    public async Task Due_runs_of_a_function_are_taken_by_due_time_minus_priority_and_ties_in_acceptance_order()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var priorities = new[] { 0, -30, 60, 30, 60 };
        var runIds = new List<string>();
        foreach (var (priority, i) in priorities.Select((p, i) => (p, i)))
        {
            var @event = Events.Create($"e-{i}", "user/signup", "a") with { Runs = [new RunToCreate("a", 5) { Priority = priority, Keys = $"{{\"p\":{priority}}}" }] };
            runIds.Add((await store.AcceptAsync(@event)).RunIds[0]);
            db.Time.Advance(TimeSpan.FromSeconds(10));
        }

        var taken = new List<string>();
        while (await store.LeaseDueAsync("owner", 1, LeaseDuration, functionId: "a") is [var run])
        {
            taken.Add(run.RunId);
        }

        Assert.Equal([runIds[2], runIds[4], runIds[0], runIds[3], runIds[1]], taken);
    }

    [Fact]
    public async Task A_priority_never_makes_a_run_due_before_its_time()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var run = (await store.AcceptAsync(Events.Create("e-1", "user/signup", "a") with { Runs = [new RunToCreate("a", 5) { Priority = 600 }] })).RunIds[0];
        var leased = Assert.Single(await store.LeaseDueAsync("owner", 1, LeaseDuration, functionId: "a"));
        await store.RecordOutcomeAsync(run, "owner", new RunOutcome.Deferred(TestDatabase.Start.AddMinutes(5)));

        db.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Empty(await store.LeaseDueAsync("owner", 1, LeaseDuration, functionId: "a"));
        db.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(leased.RunId, Assert.Single(await store.LeaseDueAsync("owner", 1, LeaseDuration, functionId: "a")).RunId);
    }

    [Fact]
    public async Task A_run_keeps_its_keys_through_a_lease_and_a_replay_keeps_its_keys_and_priority()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        const string keys = "{\"c\":\"acct-1\",\"p\":5}";
        await store.AcceptAsync(Events.Create("e-1", "user/signup", "a") with { Runs = [new RunToCreate("a", 1) { Keys = keys, Priority = 5 }] });
        var run = Assert.Single(await store.LeaseDueAsync("owner", 1, LeaseDuration, functionId: "a"));
        Assert.Equal(keys, run.Keys);
        await store.RecordOutcomeAsync(run.RunId, "owner", new RunOutcome.Failed(new RunError("Boom", "boom")));

        Assert.True(await store.ReplayAsNewRunAsync(run.RunId, "replay-1"));

        var replay = Assert.Single(await store.LeaseDueAsync("owner", 1, LeaseDuration, functionId: "a"));
        Assert.Equal(("replay-1", keys), (replay.RunId, replay.Keys));
        using var connection = db.OpenRaw();
        Assert.Equal(["5"], SchemaTests.Strings(connection, "SELECT CAST(priority AS TEXT) FROM runs WHERE id = 'replay-1'"));
    }
}
