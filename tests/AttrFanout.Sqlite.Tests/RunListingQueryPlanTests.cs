using AttrFanout.Sqlite.Engine;
using Microsoft.Data.Sqlite;

namespace AttrFanout.Sqlite.Tests;

/// <summary>The runs API's queries use the file's existing indexes (no index was added for them) and never sort a whole table.</summary>
public sealed class RunListingQueryPlanTests
{
    private static readonly HashSet<RunStatus> Unfinished = [RunStatus.Pending, RunStatus.Running, RetryScheduled];
    private const RunStatus RetryScheduled = RunStatus.RetryScheduled;

    [Fact]
    public async Task Listing_every_run_walks_the_runs_newest_first_from_the_cursor_without_sorting()
    {
        var plan = await RunsPlanAsync(new RunQuery(), before: 100);

        Assert.Contains("SEARCH r USING INTEGER PRIMARY KEY (rowid<?)", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Fact]
    public async Task Listing_the_runs_of_an_event_finds_them_through_the_event_Id_and_event_indexes()
    {
        var plan = await RunsPlanAsync(new RunQuery { EventId = "e", Statuses = Unfinished }, before: null);

        Assert.Contains("SEARCH e USING INDEX events_by_id (id=?)", plan);
        Assert.Contains("SEARCH r USING INDEX runs_by_event (event_seq=?)", plan);
        Assert.DoesNotContain("SCAN", plan);
    }

    [Fact]
    public async Task Listing_unfinished_runs_reads_only_the_partial_index_of_unfinished_runs()
    {
        var ofAll = await RunsPlanAsync(new RunQuery { Statuses = Unfinished }, before: 100);
        var ofOne = await RunsPlanAsync(new RunQuery { Statuses = new HashSet<RunStatus> { RunStatus.Running }, FunctionId = "f" }, before: null);

        Assert.Contains("SCAN r USING INDEX runs_by_function", ofAll);
        Assert.DoesNotContain("SCAN r\n", ofAll + "\n");
        Assert.Contains("SEARCH r USING INDEX runs_by_function (function_id=?", ofOne);
    }

    [Fact]
    public async Task Listing_failed_runs_reads_only_the_partial_index_of_failed_runs()
    {
        var plan = await RunsPlanAsync(new RunQuery { Statuses = new HashSet<RunStatus> { RunStatus.Failed }, FunctionId = "f" }, before: 100);

        Assert.Contains("runs_by_failed_at", plan);
        Assert.DoesNotContain("SCAN r\n", plan + "\n");
    }

    [Fact]
    public async Task Listing_events_walks_them_newest_first_and_finds_an_event_Id_and_its_runs_through_their_indexes()
    {
        await using var db = new TestDatabase();
        db.Open();
        using var connection = db.OpenRaw();

        var all = Plan(EventListingQueries.Command(connection, new EventQuery { Name = "n" }, before: 100, limit: 11));
        var one = Plan(EventListingQueries.Command(connection, new EventQuery { EventId = "e" }, before: null, limit: 11));

        Assert.Contains("SEARCH e USING INTEGER PRIMARY KEY (rowid<?)", all);
        Assert.DoesNotContain("TEMP B-TREE", all);
        Assert.Contains("SEARCH e USING INDEX events_by_id (id=?)", one);
    }

    [Fact]
    public async Task Counting_reads_unfinished_and_failed_runs_through_their_partial_indexes()
    {
        await using var db = new TestDatabase();
        db.Open();
        using var connection = db.OpenRaw();

        var unfinished = Plan(connection, RunCountQueries.Unfinished.Sql);
        var failed = Plan(connection, RunCountQueries.Failed.Sql);

        Assert.Contains("SCAN runs USING INDEX runs_by_function", unfinished);
        Assert.Contains("SCAN runs USING INDEX runs_by_failed_at", failed);
    }

    private static async Task<string> RunsPlanAsync(RunQuery query, long? before)
    {
        await using var db = new TestDatabase();
        db.Open();
        using var connection = db.OpenRaw();
        return Plan(RunListingQueries.Command(connection, query, RunListingQueries.StoredStatuses(query), before, query.Limit + 1));
    }

    private static string Plan(SqliteCommand command)
    {
        using (command)
        {
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            return Read(command);
        }
    }

    private static string Plan(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        command.Parameters.AddWithValue("$now", 0);
        return Read(command);
    }

    private static string Read(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join("\n", lines);
    }
}
