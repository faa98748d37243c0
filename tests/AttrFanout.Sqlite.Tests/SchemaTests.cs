using AttrFanout.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace AttrFanout.Sqlite.Tests;

public sealed class SchemaTests
{
    [Fact]
    public async Task Open_creates_the_latest_schema_in_wal_mode()
    {
        await using var db = new TestDatabase();
        var store = db.Open();

        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        using var connection = db.OpenRaw();
        Assert.Equal(Migrations.Latest, SchemaMigrator.ReadVersion(connection));
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal(["attempts", "cancel_requests", "event_holds", "events", "flow_slots", "idempotency_keys", "rate_buckets", "runs"], Strings(connection, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"));
    }

    [Theory]
    [InlineData(SqliteDurability.Full, 2L)]
    [InlineData(SqliteDurability.Normal, 1L)]
    public async Task Connections_use_the_chosen_synchronous_level_and_busy_timeout(SqliteDurability durability, long expected)
    {
        await using var db = new TestDatabase();
        var store = db.Open(o =>
        {
            o.Durability = durability;
            o.BusyTimeout = TimeSpan.FromSeconds(7);
        });

        using var connection = store.OpenReadConnection();
        Assert.Equal(expected, Scalar(connection, "PRAGMA synchronous"));
        Assert.Equal(7000L, Scalar(connection, "PRAGMA busy_timeout"));
    }

    [Fact]
    public async Task Reopening_keeps_the_data_and_does_not_migrate_again()
    {
        await using var db = new TestDatabase();
        var first = db.Open();
        var accepted = await first.AcceptAsync(Events.Create("e-1"));
        await first.DisposeAsync();

        var second = db.Open();
        var third = db.Open();

        Assert.Equal(Migrations.Latest, second.SchemaVersion);
        Assert.Equal(Migrations.Latest, third.SchemaVersion);
        var runs = await third.GetRunsOfEventAsync("e-1");
        Assert.Equal(accepted.RunIds, runs.Select(r => r.RunId));
    }

    [Fact]
    public async Task Stores_opening_a_new_file_at_the_same_time_agree_on_one_schema()
    {
        await using var db = new TestDatabase();

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => db.Open())));
        var accepts = await Task.WhenAll(stores.Select((store, i) => store.AcceptAsync(Events.Create($"e-{i}"))));

        Assert.All(stores, store => Assert.Equal(Migrations.Latest, store.SchemaVersion));
        Assert.All(accepts, accept => Assert.False(accept.IsDuplicate));
        using var connection = db.OpenRaw();
        Assert.Equal(4L, Scalar(connection, "SELECT COUNT(*) FROM events"));
    }

    [Fact]
    public async Task Migrations_apply_only_the_missing_steps_in_order()
    {
        await using var db = new TestDatabase();
        using var connection = db.OpenRaw();
        Migration[] v1 = [new(1, "CREATE TABLE t (a INTEGER)")];
        Migration[] v2 = [.. v1, new(2, "ALTER TABLE t ADD COLUMN b INTEGER"), new(3, "INSERT INTO t (a, b) VALUES (1, 2)")];

        Assert.Equal(1, SchemaMigrator.Migrate(connection, v1));
        Assert.Equal(3, SchemaMigrator.Migrate(connection, v2));
        Assert.Equal(3, SchemaMigrator.Migrate(connection, v2));

        Assert.Equal(1L, Scalar(connection, "SELECT COUNT(*) FROM t WHERE b = 2"));
    }

    [Fact]
    public async Task A_failing_migration_leaves_the_previous_version()
    {
        await using var db = new TestDatabase();
        using var connection = db.OpenRaw();
        Migration[] broken = [new(1, "CREATE TABLE t (a INTEGER)"), new(2, "ALTER TABLE missing ADD COLUMN b INTEGER")];

        Assert.Throws<SqliteException>(() => SchemaMigrator.Migrate(connection, broken));

        Assert.Equal(0, SchemaMigrator.ReadVersion(connection));
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 't'"));
    }

    [Fact]
    public async Task A_file_from_a_newer_version_is_refused()
    {
        await using var db = new TestDatabase();
        using (var connection = db.OpenRaw())
        {
            Execute(connection, $"PRAGMA user_version = {Migrations.Latest + 1}");
        }

        var error = Assert.Throws<InvalidOperationException>(() => db.Open());
        Assert.Contains("newer", error.Message);
    }

    internal static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
