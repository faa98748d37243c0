namespace AttrFanout.Sqlite.Tests;

public sealed class PruneTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Prune_deletes_old_succeeded_runs_and_their_events_and_keeps_the_rest()
    {
        await using var db = new TestDatabase();
        var store = db.Open(o =>
        {
            o.RetentionPeriod = TimeSpan.FromHours(1);
            o.IdempotencyWindow = TimeSpan.FromHours(2);
            o.FailedRetentionPeriod = TimeSpan.FromDays(7);
        });
        await SucceedAsync(store, "done");
        var failed = await DeadLetterTests.FailAsync(store, "failed", "user/signup", "a");
        var pending = await store.AcceptAsync(Events.Create("pending", "user/signup", "a"));

        db.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new PruneResult(1, 0, 0), await store.PruneAsync());
        Assert.Equal(1, await CountEventsAsync(db, "done"));

        db.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new PruneResult(0, 0, 1), await store.PruneAsync());
        Assert.Equal(0, await CountEventsAsync(db, "done"));

        Assert.Equal(StoredRunStatus.Failed, (await store.GetRunAsync(failed["a"]))!.Status);
        Assert.Equal(StoredRunStatus.Pending, (await store.GetRunAsync(pending.RunIds[0]))!.Status);
        Assert.Equal(1, await CountEventsAsync(db, "failed"));
        Assert.Equal(1, await CountEventsAsync(db, "pending"));
    }

    [Fact]
    public async Task Failed_runs_are_kept_until_their_own_retention_then_pruned_with_their_event()
    {
        await using var db = new TestDatabase();
        var store = db.Open(o => o.FailedRetentionPeriod = TimeSpan.FromDays(7));
        var failed = await DeadLetterTests.FailAsync(store, "failed", "user/signup", "a");

        db.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(new PruneResult(0, 0, 0), await store.PruneAsync());
        Assert.NotNull(await store.GetRunAsync(failed["a"]));

        db.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(new PruneResult(0, 1, 1), await store.PruneAsync());
        Assert.Null(await store.GetRunAsync(failed["a"]));
    }

    [Fact]
    public async Task Without_a_failed_retention_failed_runs_are_kept_until_replayed()
    {
        await using var db = new TestDatabase();
        var store = db.Open(o => o.FailedRetentionPeriod = null);
        var failed = await DeadLetterTests.FailAsync(store, "failed", "user/signup", "a");

        db.Time.Advance(TimeSpan.FromDays(3650));
        Assert.Equal(new PruneResult(0, 0, 0), await store.PruneAsync());

        Assert.Equal(1, await store.ReplayAsync([failed["a"]]));
        var run = Assert.Single(await store.LeaseDueAsync("owner", 1, LeaseDuration));
        Assert.Equal("{\"id\":\"failed\"}"u8.ToArray(), run.Payload);
    }

    private static async Task SucceedAsync(SqliteRunStore store, string eventId)
    {
        await store.AcceptAsync(Events.Create(eventId, "user/signup", "a"));
        var run = Assert.Single(await store.LeaseDueAsync("owner", 1, LeaseDuration));
        Assert.True(await store.RecordOutcomeAsync(run.RunId, "owner", RunOutcome.Succeeded.Instance));
    }

    private static Task<int> CountEventsAsync(TestDatabase db, string eventId)
    {
        using var connection = db.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM events WHERE id = $id";
        command.Parameters.AddWithValue("$id", eventId);
        return Task.FromResult(Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
