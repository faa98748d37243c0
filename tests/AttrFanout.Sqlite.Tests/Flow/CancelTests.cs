namespace AttrFanout.Sqlite.Tests.Flow;

public sealed class CancelTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_pending_run_is_cancelled_at_once_with_its_reason_and_never_leased()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var runId = (await store.AcceptAsync(Events.Create("e-1", "user/signup", "a"))).RunIds[0];

        Assert.True(await store.CancelRunAsync(runId, "cancelled by request", db.Time.GetUtcNow()));

        Assert.Equal((StoredRunStatus.Cancelled, "cancelled by request", 0), await StateAsync(db, runId));
        Assert.Empty(await store.LeaseDueAsync("owner", 10, LeaseDuration));
    }

    [Fact]
    public async Task A_run_waiting_for_its_retry_is_cancelled_at_once_and_keeps_its_finished_attempts()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        await store.AcceptAsync(Events.Create("e-1", "user/signup", "a"));
        var run = Assert.Single(await store.LeaseDueAsync("owner", 10, LeaseDuration));
        await store.RecordOutcomeAsync(run.RunId, "owner", new RunOutcome.RetryScheduled(2, db.Time.GetUtcNow().AddMinutes(1), new RunError("Boom", "boom")));

        Assert.True(await store.CancelRunAsync(run.RunId, "cancelled by request", db.Time.GetUtcNow()));

        Assert.Equal((StoredRunStatus.Cancelled, "cancelled by request", 1), await StateAsync(db, run.RunId));
        db.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(await store.LeaseDueAsync("owner", 10, LeaseDuration));
    }

    [Fact]
    public async Task An_executing_run_gets_a_request_and_runs_on_until_its_owner_records_it_cancelled()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        await store.AcceptAsync(Events.Create("e-1", "user/signup", "a"));
        var run = Assert.Single(await store.LeaseDueAsync("owner", 10, LeaseDuration));

        Assert.False(await store.CancelRunAsync(run.RunId, "replaced by run 2-a", db.Time.GetUtcNow()));
        Assert.False(await store.CancelRunAsync(run.RunId, "cancelled by request", db.Time.GetUtcNow()));

        Assert.Equal(StoredRunStatus.Leased, (await StateAsync(db, run.RunId)).Status);
        using var connection = db.OpenRaw();
        Assert.Equal([$"{run.RunId} replaced by run 2-a"], SchemaTests.Strings(connection, "SELECT run_id || ' ' || reason FROM cancel_requests"));

        Assert.True(await store.RecordOutcomeAsync(run.RunId, "owner", new RunOutcome.Ended(StoredRunStatus.Cancelled, 1, "replaced by run 2-a")));

        Assert.Equal((StoredRunStatus.Cancelled, "replaced by run 2-a", 1), await StateAsync(db, run.RunId));
        Assert.Empty(SchemaTests.Strings(connection, "SELECT run_id FROM cancel_requests"));
    }

    [Theory]
    [InlineData("deferred")]
    [InlineData("retry")]
    [InlineData("released")]
    public async Task A_leased_run_with_a_cancel_request_that_goes_back_to_waiting_ends_cancelled_instead(string how)
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        await store.AcceptAsync(Events.Create("e-1", "user/signup", "a"));
        var run = Assert.Single(await store.LeaseDueAsync("owner", 10, LeaseDuration));
        Assert.False(await store.CancelRunAsync(run.RunId, "replaced by run 9-a", db.Time.GetUtcNow()));

        Assert.True(how switch
        {
            "deferred" => await store.RecordOutcomeAsync(run.RunId, "owner", new RunOutcome.Deferred(db.Time.GetUtcNow().AddSeconds(1))),
            "retry" => await store.RecordOutcomeAsync(run.RunId, "owner", new RunOutcome.RetryScheduled(2, db.Time.GetUtcNow().AddSeconds(1), new RunError("Boom", "boom"))),
            _ => await store.ReleaseRunAsync(run.RunId, "owner", 1),
        });

        Assert.Equal((StoredRunStatus.Cancelled, "replaced by run 9-a", how == "retry" ? 1 : 0), await StateAsync(db, run.RunId));
        db.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(await store.LeaseDueAsync("owner", 10, LeaseDuration));
        using var connection = db.OpenRaw();
        Assert.Empty(SchemaTests.Strings(connection, "SELECT run_id FROM cancel_requests"));
    }

    [Fact]
    public async Task A_run_whose_owner_vanished_is_cancelled_at_once()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        await store.AcceptAsync(Events.Create("e-1", "user/signup", "a"));
        var run = Assert.Single(await store.LeaseDueAsync("killed", 10, LeaseDuration));
        db.Time.Advance(LeaseDuration);

        Assert.True(await store.CancelRunAsync(run.RunId, "cancelled by request", db.Time.GetUtcNow()));

        Assert.Equal(StoredRunStatus.Cancelled, (await StateAsync(db, run.RunId)).Status);
        Assert.False(await store.RecordOutcomeAsync(run.RunId, "killed", RunOutcome.Succeeded.Instance));
    }

    [Fact]
    public async Task A_run_that_ended_is_left_as_it_is()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        await store.AcceptAsync(Events.Create("e-1", "user/signup", "a"));
        var run = Assert.Single(await store.LeaseDueAsync("owner", 10, LeaseDuration));
        await store.RecordOutcomeAsync(run.RunId, "owner", RunOutcome.Succeeded.Instance);

        Assert.False(await store.CancelRunAsync(run.RunId, "cancelled by request", db.Time.GetUtcNow()));
        Assert.False(await store.CancelRunAsync("no-such-run", "cancelled by request", db.Time.GetUtcNow()));

        Assert.Equal(StoredRunStatus.Succeeded, (await StateAsync(db, run.RunId)).Status);
        using var connection = db.OpenRaw();
        Assert.Empty(SchemaTests.Strings(connection, "SELECT run_id FROM cancel_requests"));
    }

    [Fact]
    public async Task Pruning_forgets_the_requests_of_runs_that_ended_otherwise()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        await store.AcceptAsync(Events.Create("e-1", "user/signup", "a", "b"));
        var runs = await store.LeaseDueAsync("owner", 10, LeaseDuration);
        foreach (var run in runs)
        {
            await store.CancelRunAsync(run.RunId, "cancelled by request", db.Time.GetUtcNow());
        }

        await store.RecordOutcomeAsync(runs[0].RunId, "owner", RunOutcome.Succeeded.Instance);
        await store.PruneAsync();

        using var connection = db.OpenRaw();
        Assert.Equal([runs[1].RunId], SchemaTests.Strings(connection, "SELECT run_id FROM cancel_requests"));
    }

    internal static async Task<(StoredRunStatus Status, string? Reason, int Attempt)> StateAsync(TestDatabase db, string runId)
    {
        await Task.Yield();
        using var connection = db.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, reason, attempt FROM runs WHERE id = $id";
        command.Parameters.AddWithValue("$id", runId);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), $"run {runId} not found");
        return ((StoredRunStatus)reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2));
    }
}
