namespace AttrFanout.Sqlite.Tests;

public sealed class OutcomeTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);
    private static readonly RunError Boom = new("System.InvalidOperationException", "boom");

    [Fact]
    public async Task A_succeeded_run_is_finished_and_never_leased_again()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        await store.AcceptAsync(Events.Create("e-1", "user/signup", "a"));
        var run = Assert.Single(await store.LeaseDueAsync("owner-1", 10, LeaseDuration));
        db.Time.Advance(TimeSpan.FromSeconds(3));

        Assert.True(await store.RecordOutcomeAsync(run.RunId, "owner-1", RunOutcome.Succeeded.Instance));

        var stored = (await store.GetRunAsync(run.RunId))!;
        Assert.Equal(StoredRunStatus.Succeeded, stored.Status);
        Assert.Equal(TestDatabase.Start.AddSeconds(3), stored.FinishedAt);
        Assert.Null(stored.LeaseOwner);
        db.Time.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await store.LeaseDueAsync("owner-2", 10, LeaseDuration));
    }

    [Fact]
    public async Task A_scheduled_retry_survives_a_restart_and_is_due_again_at_its_time()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        await store.AcceptAsync(Events.Create("e-1", "user/signup", "a", "b"));
        var leased = await store.LeaseDueAsync("owner-1", 10, LeaseDuration);
        var failing = leased.Single(r => r.FunctionId == "a");
        var sibling = leased.Single(r => r.FunctionId == "b");
        var dueAt = TestDatabase.Start.AddSeconds(10);

        Assert.True(await store.RecordOutcomeAsync(failing.RunId, "owner-1", new RunOutcome.RetryScheduled(2, dueAt, Boom)));
        Assert.True(await store.RecordOutcomeAsync(sibling.RunId, "owner-1", RunOutcome.Succeeded.Instance));
        await store.DisposeAsync();

        var restarted = db.Open();
        var stored = (await restarted.GetRunAsync(failing.RunId))!;
        Assert.Equal(StoredRunStatus.Pending, stored.Status);
        Assert.Equal(2, stored.Attempt);
        Assert.Equal(dueAt, stored.DueAt);
        Assert.Equal(Boom, stored.LastError);

        db.Time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await restarted.LeaseDueAsync("owner-2", 10, LeaseDuration));
        db.Time.Advance(TimeSpan.FromMilliseconds(1));
        var retry = Assert.Single(await restarted.LeaseDueAsync("owner-2", 10, LeaseDuration));

        Assert.Equal(failing.RunId, retry.RunId);
        Assert.Equal((2, 1), (retry.Attempt, retry.AttemptLeases));
        Assert.Equal(StoredRunStatus.Succeeded, (await restarted.GetRunAsync(sibling.RunId))!.Status);
    }

    [Fact]
    public async Task A_failed_run_becomes_a_dead_letter_with_its_error()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        await store.AcceptAsync(Events.Create("e-1", "user/signup", "a"));
        var run = Assert.Single(await store.LeaseDueAsync("owner-1", 10, LeaseDuration));

        Assert.True(await store.RecordOutcomeAsync(run.RunId, "owner-1", new RunOutcome.Failed(Boom)));

        var stored = (await store.GetRunAsync(run.RunId))!;
        Assert.Equal(StoredRunStatus.Failed, stored.Status);
        Assert.Equal(Boom, stored.LastError);
        Assert.Equal(TestDatabase.Start, stored.FinishedAt);
        db.Time.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await store.LeaseDueAsync("owner-2", 10, LeaseDuration));
        var failed = Assert.Single((await store.ListFailedAsync(FailedRunFilter.All)).Runs);
        Assert.Equal(run.RunId, failed.RunId);
        Assert.Equal(Boom, failed.Error);
    }

    [Fact]
    public async Task An_outcome_for_a_run_that_is_not_leased_is_refused()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var accepted = await store.AcceptAsync(Events.Create("e-1", "user/signup", "a"));

        Assert.False(await store.RecordOutcomeAsync(accepted.RunIds[0], "owner-1", RunOutcome.Succeeded.Instance));
        Assert.False(await store.RecordOutcomeAsync("no-such-run", "owner-1", new RunOutcome.Failed(Boom)));
        Assert.Equal(StoredRunStatus.Pending, (await store.GetRunAsync(accepted.RunIds[0]))!.Status);
    }
}
