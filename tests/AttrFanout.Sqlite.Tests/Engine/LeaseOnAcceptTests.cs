namespace AttrFanout.Sqlite.Tests.Engine;

using StoredRunStatus = global::AttrFanout.RunStatus;

/// <summary>Runs accepted while their function has room are stored leased to the accepting process and run from memory.</summary>
public sealed class LeaseOnAcceptTests
{
    [Fact]
    public async Task A_run_accepted_while_its_function_has_room_is_committed_already_leased_to_the_accepting_process()
    {
        await using var db = new TestDatabase();
        var app = await EngineApp.StartAsync(db);
        await WarmUpAsync(app);
        var key = Guid.NewGuid().ToString("N");
        var writesBefore = app.Store.Runs.Writer.Operations;

        var runId = (await app.Sender.SendAsync(new BlockWanted(key))).RunIds[0];
        await Until.HoldsAsync(() => Executions.Count(key, "block-first") == 1, "the run executes");

        Assert.Equal(1, app.Store.Runs.Writer.Operations - writesBefore);
        var (status, owner, leaseUntil, attemptLeases) = ReadLease(db, runId);
        Assert.Equal(1, status);
        Assert.Equal(app.Store.Owner, owner);
        Assert.Equal(db.Time.GetUtcNow() + TimeSpan.FromSeconds(30), leaseUntil);
        Assert.Equal(1, attemptLeases);
        await app.CrashAsync();
    }

    [Fact]
    public async Task Runs_left_pending_in_the_file_by_a_full_queue_still_run()
    {
        await using var db = new TestDatabase();
        await using var app = await EngineApp.StartAsync(db, store: s => s.MaxRunsPerLease = 1);
        var keys = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid().ToString("N")).ToArray();

        var sent = await Task.WhenAll(keys.Select(async k => await app.Sender.SendAsync(new FanOutHappened(k))));
        foreach (var runId in sent.SelectMany(s => s.RunIds))
        {
            Assert.Equal(StoredRunStatus.Succeeded, (await app.Runs.WaitForCompletionAsync(runId).Safe()).Status);
        }

        Assert.All(keys, k => Assert.Equal(3, Executions.Of(k).Count));
    }

    [Fact]
    public async Task Runs_accepted_while_the_function_runs_at_its_concurrency_are_leased_on_accept_up_to_that_concurrency()
    {
        await using var db = new TestDatabase();
        await using var app = await EngineApp.StartAsync(db, o => o.Functions["one-at-a-time"] = new FunctionOptions { Concurrency = 3 }, s => s.MaxRunsPerLease = 1);
        var key = Guid.NewGuid().ToString("N");
        for (var i = 0; i < 3; i++)
        {
            await app.Sender.SendAsync(new SerialWanted(key));
        }

        await Until.HoldsAsync(() => Executions.Count(key, "one-at-a-time") == 3, "three runs execute and hold every slot");

        var waiting = new List<string>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                waiting.Add((await app.Sender.SendAsync(new SerialWanted(key))).RunIds[0]);
            }

            Assert.Equal([app.Store.Owner, app.Store.Owner, app.Store.Owner, null], waiting.Select(runId => ReadLease(db, runId).Owner));
            Assert.Equal([1L, 1L, 1L, 0L], waiting.Select(runId => ReadLease(db, runId).Status));
        }
        finally
        {
            Gates.Open(key);
        }

        foreach (var runId in waiting)
        {
            Assert.Equal(StoredRunStatus.Succeeded, (await app.Runs.WaitForCompletionAsync(runId).Safe()).Status);
        }
    }

    [Fact]
    public async Task The_run_a_waiter_gets_when_it_ends_is_the_run_the_store_shows()
    {
        await using var db = new TestDatabase();
        await using var app = await EngineApp.StartAsync(db);
        var key = Guid.NewGuid().ToString("N");
        var firstTry = (await app.Sender.SendAsync(new FanOutHappened(key))).RunIds[0];
        var afterRetry = (await app.Sender.SendAsync(new RetryWanted(key))).RunIds[0];

        var waitFirstTry = app.Runs.WaitForCompletionAsync(firstTry);
        var waitAfterRetry = app.Runs.WaitForCompletionAsync(afterRetry);
        await EngineApp.AdvanceUntilAsync(db, () => Task.FromResult(waitAfterRetry.IsCompleted), TimeSpan.FromMinutes(5), "the retried run ends");

        foreach (var (waited, runId) in new[] { (await waitFirstTry.Safe(), firstTry), (await waitAfterRetry.Safe(), afterRetry) })
        {
            Assert.Equal(await app.Runs.GetAsync(runId), waited);
        }

        var retried = await waitAfterRetry;
        Assert.Equal((StoredRunStatus.Succeeded, 2, typeof(InvalidOperationException).FullName), (retried.Status, retried.Attempts, retried.ErrorType));
    }

    private static async Task WarmUpAsync(EngineApp app)
    {
        foreach (var runId in (await app.Sender.SendAsync(new FanOutHappened(Guid.NewGuid().ToString("N")))).RunIds)
        {
            await app.Runs.WaitForCompletionAsync(runId).Safe();
        }
    }

    private static (long Status, string? Owner, DateTimeOffset? LeaseUntil, long AttemptLeases) ReadLease(TestDatabase db, string runId)
    {
        using var connection = db.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, lease_owner, lease_until, attempt_leases FROM runs WHERE id = $id";
        command.Parameters.AddWithValue("$id", runId);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), $"Run {runId} is not stored.");
        return (
            reader.GetInt64(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
            reader.GetInt64(3));
    }
}
