using AttrFanout.Sqlite.Schema;

namespace AttrFanout.Sqlite.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task A_version_3_file_migrates_with_its_runs_and_keeps_working()
    {
        await using var db = new TestDatabase();
        var twoHoursAgo = UnixTimeOf(TestDatabase.Start.AddHours(-2));
        using (var connection = db.OpenRaw())
        {
            Assert.Equal(3, SchemaMigrator.Migrate(connection, Migrations.All.Take(3).ToList()));
            SchemaTests.Execute(connection, $"""
                INSERT INTO events (seq, id, name, timestamp, payload, accepted_at) VALUES (7, 'e-old', 'user/signup', {twoHoursAgo}, x'7B7D', {twoHoursAgo});
                INSERT INTO runs (id, event_seq, function_id, status, attempt, max_attempts, due_at, error_type, error_message, created_at, updated_at, finished_at) VALUES
                    ('r-succeeded', 7, 'a', 2, 1, 5, {twoHoursAgo}, NULL, NULL, {twoHoursAgo}, {twoHoursAgo}, {twoHoursAgo}),
                    ('r-failed', 7, 'b', 3, 5, 5, {twoHoursAgo}, 'Boom', 'b failed', {twoHoursAgo}, {twoHoursAgo}, {twoHoursAgo}),
                    ('r-pending', 7, 'c', 0, 2, 5, {twoHoursAgo}, NULL, NULL, {twoHoursAgo}, {twoHoursAgo}, NULL);
                """);
        }

        var store = db.Open(o => o.RetentionPeriod = TimeSpan.FromHours(1));

        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        using (var connection = db.OpenRaw())
        {
            var indexes = SchemaTests.Strings(connection, "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'runs' AND sql IS NOT NULL ORDER BY name");
            Assert.Contains("runs_by_failed_at", indexes);
            Assert.DoesNotContain("runs_by_finished_at", indexes);
        }

        Assert.Equal(["r-succeeded", "r-failed", "r-pending"], (await store.GetRunsOfEventAsync("e-old")).Select(r => r.RunId));
        var failed = Assert.Single((await store.ListFailedAsync(FailedRunFilter.All)).Runs);
        Assert.Equal(("r-failed", new RunError("Boom", "b failed")), (failed.RunId, failed.Error));

        Assert.Equal(new PruneResult(1, 0, 0), await store.PruneAsync());
        Assert.Null(await store.GetRunAsync("r-succeeded"));
        var pending = Assert.Single(await store.LeaseDueAsync("owner", 10, TimeSpan.FromSeconds(30)));
        Assert.Equal(("r-pending", 2, "e-old"), (pending.RunId, pending.Attempt, pending.EventId));
    }

    [Fact]
    public async Task A_version_4_event_with_only_a_traceparent_is_leased_with_that_trace_context()
    {
        await using var db = new TestDatabase();
        var now = UnixTimeOf(TestDatabase.Start);
        const string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        using (var connection = db.OpenRaw())
        {
            Assert.Equal(4, SchemaMigrator.Migrate(connection, Migrations.All.Take(4).ToList()));
            SchemaTests.Execute(connection, $"""
                INSERT INTO events (seq, id, name, timestamp, payload, accepted_at, trace_parent) VALUES (3, 'e-traced', 'user/signup', {now}, x'7B7D', {now}, '{traceParent}');
                INSERT INTO runs (id, event_seq, function_id, status, attempt, max_attempts, due_at, created_at, updated_at) VALUES
                    ('r-traced', 3, 'a', 0, 1, 5, {now}, {now}, {now});
                """);
        }

        var store = db.Open();

        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        var leased = Assert.Single(await store.LeaseDueAsync("owner", 10, TimeSpan.FromSeconds(30)));
        Assert.Equal(traceParent, leased.Trace?["traceparent"]);
        Assert.Equal(KeyValuePair.Create("traceparent", traceParent), Assert.Single(leased.Trace!.Fields));
    }

    [Fact]
    public async Task Every_propagated_field_is_stored_and_leased_back_by_name()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var trace = new AttrFanout.Stores.PropagatedContext([
            KeyValuePair.Create("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
            KeyValuePair.Create("tracestate", "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7"),
            KeyValuePair.Create("baggage", "tenant=t-1,user=ada%20l"),
        ]);

        await store.AcceptAsync(new EventToAccept("e-1", "user/signup", TestDatabase.Start, "{}"u8.ToArray(), [new RunToCreate("a", 5, RunId: "r-1")], trace));
        var leased = Assert.Single(await store.LeaseDueAsync("owner", 10, TimeSpan.FromSeconds(30)));

        Assert.Equal(trace.Fields, leased.Trace!.Fields);
    }

    [Fact]
    public async Task A_version_5_file_migrates_to_flow_control_with_its_runs_unkeyed_at_priority_zero()
    {
        await using var db = new TestDatabase();
        var now = UnixTimeOf(TestDatabase.Start);
        using (var connection = db.OpenRaw())
        {
            Assert.Equal(5, SchemaMigrator.Migrate(connection, Migrations.All.Take(5).ToList()));
            SchemaTests.Execute(connection, $"""
                INSERT INTO events (seq, id, name, timestamp, payload, accepted_at) VALUES (4, 'e-old', 'user/signup', {now}, x'7B7D', {now});
                INSERT INTO runs (id, event_seq, function_id, status, attempt, max_attempts, due_at, created_at, updated_at) VALUES
                    ('r-later', 4, 'a', 0, 1, 5, {now + 1000}, {now}, {now}),
                    ('r-sooner', 4, 'a', 0, 1, 5, {now}, {now}, {now});
                """);
        }

        var store = db.Open();

        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        using (var connection = db.OpenRaw())
        {
            Assert.Superset(
                new HashSet<string> { "attempts", "cancel_requests", "events", "flow_slots", "idempotency_keys", "rate_buckets", "runs" },
                SchemaTests.Strings(connection, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").ToHashSet());
            Assert.Contains("take_order", Assert.Single(SchemaTests.Strings(connection, "SELECT sql FROM sqlite_schema WHERE name = 'runs_by_function'")));
        }

        db.Time.Advance(TimeSpan.FromSeconds(1));
        var sooner = Assert.Single(await store.LeaseDueAsync("owner", 1, TimeSpan.FromSeconds(30), functionId: "a"));
        var later = Assert.Single(await store.LeaseDueAsync("owner", 1, TimeSpan.FromSeconds(30), functionId: "a"));
        Assert.Equal(("r-sooner", "r-later"), (sooner.RunId, later.RunId));
        Assert.Null(sooner.Keys);
        Assert.True(await store.RecordOutcomeAsync("r-sooner", "owner", new RunOutcome.Ended(StoredRunStatus.Skipped, 0, "rate limit")));
        Assert.False(await store.CancelRunAsync("r-later", "cancelled by request", db.Time.GetUtcNow()));
    }

    [Fact]
    public async Task A_version_6_file_migrates_to_attempt_history_with_its_runs_readable_and_their_attempts_counted_as_not_kept()
    {
        await using var db = new TestDatabase();
        var now = UnixTimeOf(TestDatabase.Start);
        using (var connection = db.OpenRaw())
        {
            Assert.Equal(6, SchemaMigrator.Migrate(connection, Migrations.All.Where(m => m.Version <= 6).ToList()));
            SchemaTests.Execute(connection, $"""
                INSERT INTO events (seq, id, name, timestamp, payload, accepted_at) VALUES (4, 'e-old', 'user/signup', {now}, x'7B7D', {now});
                INSERT INTO runs (id, event_seq, function_id, status, attempt, max_attempts, due_at, error_type, error_message, created_at, updated_at, finished_at) VALUES
                    ('r-succeeded', 4, 'a', 2, 1, 5, {now}, NULL, NULL, {now}, {now}, {now}),
                    ('r-failed', 4, 'b', 3, 3, 3, {now}, 'Boom', 'b failed', {now}, {now}, {now}),
                    ('r-pending', 4, 'c', 0, 2, 5, {now}, 'Boom', 'c failed once', {now}, {now}, NULL);
                """);
        }

        var store = db.Open();

        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        using (var connection = db.OpenRaw())
        using (var statements = new AttrFanout.Sqlite.Storage.StatementCache(connection))
        {
            var failed = AttrFanout.Sqlite.Engine.FunctionRunQueries.ById(statements, "r-failed", TestDatabase.Start)!;
            var read = AttrFanout.Sqlite.Attempts.AttemptHistoryQuery.WithHistory(statements, failed);
            Assert.Equal((RunStatus.Failed, 3, "Boom", "b failed"), (read.Status, read.Attempts, read.ErrorType, read.ErrorMessage));
            Assert.Empty(read.AttemptHistory);
            Assert.Equal(3, read.AttemptsNotKept);

            var succeeded = AttrFanout.Sqlite.Attempts.AttemptHistoryQuery.WithHistory(statements, AttrFanout.Sqlite.Engine.FunctionRunQueries.ById(statements, "r-succeeded", TestDatabase.Start)!);
            Assert.Equal((RunStatus.Succeeded, 1), (succeeded.Status, succeeded.Attempts));
            Assert.Empty(succeeded.AttemptHistory);
            Assert.Equal(1, succeeded.AttemptsNotKept);
        }

        var leased = Assert.Single(await store.LeaseDueAsync("owner", 10, TimeSpan.FromSeconds(30)));
        Assert.Equal(("r-pending", 2), (leased.RunId, leased.Attempt));
        var attempt = new RunAttempt(2, TestDatabase.Start, TestDatabase.Start.AddSeconds(2), RunAttemptOutcome.Failed) { ErrorType = "Boom", ErrorMessage = "c failed again", StackTrace = "at C()" };
        Assert.True(await store.RecordOutcomeAsync("r-pending", "owner", new RunOutcome.Failed(new RunError("Boom", "c failed again")), TestDatabase.Start.AddSeconds(2), attempt));
        using (var connection = db.OpenRaw())
        using (var statements = new AttrFanout.Sqlite.Storage.StatementCache(connection))
        {
            var read = AttrFanout.Sqlite.Attempts.AttemptHistoryQuery.WithHistory(statements, AttrFanout.Sqlite.Engine.FunctionRunQueries.ById(statements, "r-pending", TestDatabase.Start)!);
            Assert.Equal(attempt, Assert.Single(read.AttemptHistory));
            Assert.Equal(1, read.AttemptsNotKept);
        }
    }

    [Fact]
    public async Task Pruning_a_run_deletes_its_attempts()
    {
        await using var db = new TestDatabase();
        var store = db.Open(o => o.FailedRetentionPeriod = TimeSpan.FromHours(1));
        await store.AcceptAsync(new EventToAccept("e-1", "user/signup", TestDatabase.Start, "{}"u8.ToArray(), [new RunToCreate("a", 1, RunId: "r-1")], null));
        Assert.Single(await store.LeaseDueAsync("owner", 10, TimeSpan.FromSeconds(30)));
        var attempt = new RunAttempt(1, TestDatabase.Start, TestDatabase.Start, RunAttemptOutcome.Failed) { ErrorType = "Boom" };
        Assert.True(await store.RecordOutcomeAsync("r-1", "owner", new RunOutcome.Failed(new RunError("Boom", "")), null, attempt));
        using (var connection = db.OpenRaw())
        {
            Assert.Equal(["r-1"], SchemaTests.Strings(connection, "SELECT run_id FROM attempts"));
        }

        db.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, (await store.PruneAsync()).ExpiredFailedRuns);

        using (var connection = db.OpenRaw())
        {
            Assert.Empty(SchemaTests.Strings(connection, "SELECT run_id FROM attempts"));
        }
    }

    private static long UnixTimeOf(DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}
