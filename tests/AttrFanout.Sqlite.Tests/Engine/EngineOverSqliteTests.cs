using System.Text;
using AttrFanout.Conformance;

namespace AttrFanout.Sqlite.Tests.Engine;

using StoredRunStatus = global::AttrFanout.RunStatus;

/// <summary>The real engine over a real SQLite file, restarted within the test on one fake clock.</summary>
public sealed class EngineOverSqliteTests
{
    [Fact]
    public async Task Every_subscribed_function_runs_once_and_succeeds()
    {
        await using var db = new TestDatabase();
        await using var app = await EngineApp.StartAsync(db);
        var key = Guid.NewGuid().ToString("N");

        var sent = await app.Sender.SendAsync(new FanOutHappened(key));

        Assert.Equal(3, sent.RunIds.Count);
        foreach (var runId in sent.RunIds)
        {
            var run = await app.Runs.WaitForCompletionAsync(runId).Safe();
            Assert.Equal(StoredRunStatus.Succeeded, run.Status);
            Assert.Equal(1, run.Attempts);
            Assert.Equal("sqle/fanout", run.EventName);
        }

        Assert.Equal(["fanout-a", "fanout-b", "fanout-c"], Executions.Of(key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_retry_scheduled_before_a_crash_happens_after_restart_at_its_due_time_plus_at_most_one_lease()
    {
        await using var db = new TestDatabase();
        var key = Guid.NewGuid().ToString("N");
        var first = await EngineApp.StartAsync(db);
        var runId = (await first.Sender.SendAsync(new RetryWanted(key))).RunIds[0];
        FunctionRun? scheduled = null;
        await Until.HoldsAsync(async () => (scheduled = await first.Runs.GetAsync(runId)) is { Status: StoredRunStatus.RetryScheduled }, "the retry is scheduled");
        await first.CrashAsync();

        await using var second = await EngineApp.StartAsync(db);
        var due = scheduled!.NextAttemptAt!.Value;
        EngineApp.Advance(db.Time, due - db.Time.GetUtcNow() - TimeSpan.FromSeconds(1));
        Assert.Equal(1, Executions.Count(key, "retry-once"));
        Assert.Equal(StoredRunStatus.RetryScheduled, (await second.Runs.GetAsync(runId))!.Status);

        await EngineApp.AdvanceUntilAsync(db, async () => await second.Runs.GetAsync(runId) is { Status: StoredRunStatus.Succeeded }, TimeSpan.FromSeconds(45), "the retry ran");
        var run = (await second.Runs.GetAsync(runId))!;

        Assert.Equal(StoredRunStatus.Succeeded, run.Status);
        Assert.InRange(run.UpdatedAt, due, due + TimeSpan.FromSeconds(32));
        Assert.Equal(2, run.Attempts);
        Assert.Equal(2, Executions.Count(key, "retry-once"));
    }

    [Fact]
    public async Task A_run_executing_when_its_process_died_runs_again_after_its_lease_ends()
    {
        await using var db = new TestDatabase();
        var key = Guid.NewGuid().ToString("N");
        var first = await EngineApp.StartAsync(db);
        var runId = (await first.Sender.SendAsync(new BlockWanted(key))).RunIds[0];
        await Until.HoldsAsync(() => Executions.Count(key, "block-first") == 1, "the run executes");
        await first.CrashAsync();

        await using var second = await EngineApp.StartAsync(db);
        await EngineApp.AdvanceUntilAsync(db, async () => await second.Runs.GetAsync(runId) is { Status: StoredRunStatus.Succeeded }, TimeSpan.FromSeconds(45), "the run ran again");
        var run = (await second.Runs.GetAsync(runId))!;

        Assert.Equal(StoredRunStatus.Succeeded, run.Status);
        Assert.Equal(2, Executions.Count(key, "block-first"));
    }

    [Fact]
    public async Task A_send_Id_deduplicates_across_a_restart()
    {
        await using var db = new TestDatabase();
        var key = Guid.NewGuid().ToString("N");
        SendResult original;
        await using (var first = await EngineApp.StartAsync(db))
        {
            original = await first.Sender.SendAsync(new FanOutHappened(key), new SendOptions { Id = "order-42" });
            foreach (var runId in original.RunIds)
            {
                await first.Runs.WaitForCompletionAsync(runId).Safe();
            }
        }

        await using var second = await EngineApp.StartAsync(db);
        var again = await second.Sender.SendAsync(new FanOutHappened(key), new SendOptions { Id = "order-42" });

        Assert.True(again.IsDuplicate);
        Assert.Equal(original.RunIds, again.RunIds);
        Assert.Equal(3, Executions.Of(key).Count);
    }

    [Fact]
    public async Task Pruning_deletes_succeeded_runs_after_the_retention_period_and_keeps_failed_runs()
    {
        await using var db = new TestDatabase();
        var key = Guid.NewGuid().ToString("N");
        await using var app = await EngineApp.StartAsync(db, o => o.Functions["fail-until-fixed"] = new FunctionOptions { Retries = 0 }, s =>
        {
            s.RetentionPeriod = TimeSpan.FromHours(1);
            s.PruneInterval = TimeSpan.FromMinutes(10);
            s.FailedRetentionPeriod = TimeSpan.FromDays(7);
            s.PollInterval = TimeSpan.FromHours(1);
            s.LeaseDuration = TimeSpan.FromHours(3);
        });
        var succeeded = (await app.Sender.SendAsync(new FanOutHappened(key))).RunIds[0];
        var failed = (await app.Sender.SendAsync(new ReplayWanted(key))).RunIds[0];
        await app.Runs.WaitForCompletionAsync(succeeded).Safe();
        Assert.Equal(StoredRunStatus.Failed, (await app.Runs.WaitForCompletionAsync(failed).Safe()).Status);

        db.Time.Advance(TimeSpan.FromMinutes(50));
        await app.Store.Pruner.PruneAsync();
        Assert.NotNull(await app.Runs.GetAsync(succeeded));

        var tenMinutes = TimeSpan.FromMinutes(10);
        await EngineApp.AdvanceUntilAsync(db, async () => await app.Runs.GetAsync(succeeded) is null, TimeSpan.FromMinutes(30), "the prune timer deletes the succeeded run", tenMinutes);
        Assert.Equal(StoredRunStatus.Failed, (await app.Runs.GetAsync(failed))!.Status);
        Assert.Contains(await app.Runs.ListFailedAsync(), r => r.RunId == failed);

        db.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(90));
        Assert.NotNull(await app.Runs.GetAsync(failed));
        await EngineApp.AdvanceUntilAsync(db, async () => await app.Runs.GetAsync(failed) is null, TimeSpan.FromHours(2), "the prune timer deletes the expired failed run", tenMinutes);
    }

    [Fact]
    public async Task A_replayed_failed_run_runs_again_as_a_new_run_with_a_fresh_attempt_count()
    {
        await using var db = new TestDatabase();
        var key = Guid.NewGuid().ToString("N");
        await using var app = await EngineApp.StartAsync(db);
        var runId = (await app.Sender.SendAsync(new ReplayWanted(key))).RunIds[0];
        await Until.HoldsAsync(async () => await app.Runs.GetAsync(runId) is { Status: StoredRunStatus.RetryScheduled }, "the retry is scheduled");
        await EngineApp.AdvanceUntilAsync(db, async () => await app.Runs.GetAsync(runId) is { Status: StoredRunStatus.Failed }, TimeSpan.FromMinutes(3), "the retry failed too");
        var failed = (await app.Runs.GetAsync(runId))!;
        Assert.Equal(StoredRunStatus.Failed, failed.Status);
        Assert.Equal(2, failed.Attempts);
        Assert.Equal("Not fixed yet.", failed.ErrorMessage);

        Executions.Fix(key);
        var replay = await app.Runs.ReplayAsync(runId);
        var done = await app.Runs.WaitForCompletionAsync(replay.RunId).Safe();

        Assert.NotEqual(runId, replay.RunId);
        Assert.Equal(runId, done.ReplayOf);
        Assert.Equal(StoredRunStatus.Succeeded, done.Status);
        Assert.Equal(1, done.Attempts);
        Assert.Equal(replay.RunId, (await app.Runs.GetAsync(runId))!.ReplayedBy);
        Assert.DoesNotContain(await app.Runs.ListFailedAsync(), r => r.RunId == runId);
        Assert.Equal(3, Executions.Count(key, "fail-until-fixed"));
    }

    [Fact]
    public async Task An_oversized_payload_is_refused_at_send_and_nothing_is_stored()
    {
        await using var db = new TestDatabase();
        await using var app = await EngineApp.StartAsync(db, o => o.MaxPayloadBytes = 64);

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(async () => await app.Sender.SendAsync(new BigPayload(new string('x', 100))));

        Assert.Equal("sqle/big", error.EventName);
        Assert.Equal(64, error.LimitBytes);
        Assert.True(error.SizeBytes > 100);
        Assert.Contains("'sqle/big'", error.Message);
        using var connection = db.OpenRaw();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM runs)";
        Assert.Equal(0L, count.ExecuteScalar());
    }

    [Fact]
    public async Task A_stored_payload_that_no_longer_deserializes_fails_its_run_and_the_worker_keeps_going()
    {
        using var meter = new FailedRunsMeter();
        await using var db = new TestDatabase();
        var key = Guid.NewGuid().ToString("N");
        await using (var raw = db.Open())
        {
            await raw.AcceptAsync(new EventToAccept("corrupt", "sqle/fanout", db.Time.GetUtcNow(), Encoding.UTF8.GetBytes("{\"Key\": 42"), [new RunToCreate("fanout-a", 5, "bad-run")]));
            await raw.AcceptAsync(new EventToAccept("fine", "sqle/fanout", db.Time.GetUtcNow(), Encoding.UTF8.GetBytes($"{{\"Key\":\"{key}\"}}"), [new RunToCreate("fanout-a", 5, "good-run")]));
        }

        await using var app = await EngineApp.StartAsync(db);
        await Until.HoldsAsync(async () => await app.Runs.GetAsync("bad-run") is { Status: StoredRunStatus.Failed }, "the corrupt run fails");
        await Until.HoldsAsync(async () => await app.Runs.GetAsync("good-run") is { Status: StoredRunStatus.Succeeded }, "the next run succeeds");

        var failed = (await app.Runs.GetAsync("bad-run"))!;
        Assert.Equal(typeof(PayloadSerializationException).FullName, failed.ErrorType);
        Assert.Contains("'sqle/fanout'", failed.ErrorMessage);
        Assert.Contains("'fanout-a'", failed.ErrorMessage);
        Assert.Contains("'bad-run'", failed.ErrorMessage);
        Assert.Equal(["fanout-a"], Executions.Of(key));
        await Until.HoldsAsync(() => Task.FromResult(Executions.Count("bad-run", "failure-inbox") == 1), "the failure event of the corrupt run is handled");
        Assert.Single(await app.Runs.ListFailedAsync(new FailedRunQuery { FunctionId = "fanout-a" }), r => r.RunId == "bad-run");
        Assert.Equal(1, meter.Of("fanout-a"));
    }

    [Fact]
    public async Task A_run_whose_processes_keep_dying_is_failed_instead_of_taken_forever()
    {
        await using var db = new TestDatabase();
        var key = Guid.NewGuid().ToString("N");
        await using (var raw = db.Open())
        {
            await raw.AcceptAsync(new EventToAccept("doomed", "sqle/fanout", db.Time.GetUtcNow(), Encoding.UTF8.GetBytes($"{{\"Key\":\"{key}\"}}"), [new RunToCreate("fanout-a", 5, "doomed-run")]));
            for (var crash = 0; crash < 2; crash++)
            {
                Assert.Single(await raw.LeaseDueAsync("vanished-" + crash, 1, TimeSpan.FromSeconds(1)));
                db.Time.Advance(TimeSpan.FromSeconds(2));
            }
        }

        await using var app = await EngineApp.StartAsync(db, store: s => s.MaxLeasesPerAttempt = 2);
        await Until.HoldsAsync(async () => await app.Runs.GetAsync("doomed-run") is { Status: StoredRunStatus.Failed }, "the run is failed");

        var failed = (await app.Runs.GetAsync("doomed-run"))!;
        Assert.Contains("taken 2 times for attempt 1", failed.ErrorMessage);
        Assert.Contains("'fanout-a'", failed.ErrorMessage);
        Assert.Empty(Executions.Of(key));
        await Until.HoldsAsync(() => Task.FromResult(Executions.Count("doomed-run", "failure-inbox") == 1), "the failure event of the given-up run is handled");
    }

    [Fact]
    public async Task Runs_waiting_for_a_retry_wait_in_the_file_so_the_functions_due_runs_start_at_once()
    {
        await using var db = new TestDatabase();
        var key = Guid.NewGuid().ToString("N");
        await using var app = await EngineApp.StartAsync(db);
        const int waiting = 40;
        for (var i = 0; i < waiting; i++)
        {
            await app.Sender.SendAsync(new WebhookWanted(key, EndpointDown: true));
        }

        await Until.HoldsAsync(() => Task.FromResult(Executions.Count(key, "webhook-down") == waiting), "every first attempt against the down endpoint happens");
        var healthy = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            healthy.Add((await app.Sender.SendAsync(new WebhookWanted(key, EndpointDown: false))).RunIds[0]);
        }

        foreach (var runId in healthy)
        {
            Assert.Equal(StoredRunStatus.Succeeded, (await app.Runs.WaitForCompletionAsync(runId).WaitAsync(Until.Timeout)).Status);
        }

        Assert.Equal(waiting, Executions.Count(key, "webhook-down"));
        Assert.True(db.Time.GetUtcNow() < db.Time.Start + TimeSpan.FromMinutes(10), "no retry came due");
        using var connection = db.OpenRaw();
        using var leased = connection.CreateCommand();
        leased.CommandText = "SELECT COUNT(*) FROM runs WHERE function_id = 'webhook' AND lease_owner IS NOT NULL";
        Assert.Equal(0L, leased.ExecuteScalar());
    }

    [Fact]
    public async Task A_file_another_program_keeps_locked_fails_the_send_with_an_error_that_names_the_file_and_what_to_do()
    {
        await using var db = new TestDatabase();
        await using var app = await EngineApp.StartAsync(db, store: s => s.BusyTimeout = TimeSpan.FromMilliseconds(100));
        using var other = db.OpenRaw();
        using (var lockFile = other.CreateCommand())
        {
            lockFile.CommandText = "BEGIN EXCLUSIVE";
            lockFile.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<SqliteStoreException>(async () => await app.Sender.SendAsync(new FanOutHappened(Guid.NewGuid().ToString("N"))));

        Assert.Equal(db.Path, error.DataSource);
        Assert.Contains($"'{db.Path}'", error.Message);
        Assert.Contains("accept event 'sqle/fanout'", error.Message);
        Assert.Contains("lock", error.Message);
        Assert.IsType<Microsoft.Data.Sqlite.SqliteException>(error.InnerException);
        using (var unlock = other.CreateCommand())
        {
            unlock.CommandText = "ROLLBACK";
            unlock.ExecuteNonQuery();
        }

        var accepted = await app.Sender.SendAsync(new FanOutHappened(Guid.NewGuid().ToString("N")));
        Assert.Equal(3, accepted.RunIds.Count);
    }

    [Fact]
    public async Task Runs_of_a_function_the_app_no_longer_declares_are_named_in_a_warning_and_shown_pending_once_their_lease_ended()
    {
        await using var db = new TestDatabase();
        await using (var raw = db.Open())
        {
            await raw.AcceptAsync(new EventToAccept("old-1", "sqle/fanout", db.Time.GetUtcNow(), Encoding.UTF8.GetBytes("{\"Key\":\"k\"}"), [new RunToCreate("renamed-away", 5, "orphan-1"), new RunToCreate("fanout-a", 5, "kept-1")]));
            await raw.AcceptAsync(new EventToAccept("old-2", "sqle/fanout", db.Time.GetUtcNow(), Encoding.UTF8.GetBytes("{\"Key\":\"k\"}"), [new RunToCreate("renamed-away", 5, "orphan-2")]));
            Assert.Single(await raw.LeaseDueAsync("vanished-process", 1, TimeSpan.FromSeconds(5), "renamed-away"));
        }

        db.Time.Advance(TimeSpan.FromSeconds(10));
        await using var app = await EngineApp.StartAsync(db);

        Assert.Contains($"'{db.Path}' holds 2 unfinished runs of function 'renamed-away'", db.Logs.ToString());
        Assert.DoesNotContain("function 'fanout-a', which", db.Logs.ToString());
        var orphans = new[] { (await app.Runs.GetAsync("orphan-1"))!, (await app.Runs.GetAsync("orphan-2"))! };
        Assert.All(orphans, r => Assert.Equal(StoredRunStatus.Pending, r.Status));
    }
}
