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

    private static long UnixTimeOf(DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}
