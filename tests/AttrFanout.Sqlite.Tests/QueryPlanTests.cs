using AttrFanout.Sqlite.Leasing;
using AttrFanout.Sqlite.Outcomes;
using AttrFanout.Sqlite.Queries;
using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace AttrFanout.Sqlite.Tests;

public sealed class QueryPlanTests
{
    [Fact]
    public async Task Leasing_due_runs_of_any_function_walks_only_the_unfinished_runs()
    {
        var plan = await PlanAsync(LeaseOperation.Lease(16));

        Assert.Contains("SCAN runs USING INDEX runs_by_function", plan);
        Assert.DoesNotContain("SCAN runs\n", plan + "\n");
    }

    [Fact]
    public async Task Leasing_the_runs_of_one_function_finds_them_through_the_function_index()
    {
        var plan = await PlanAsync(LeaseOperation.Lease(16, ofFunction: true));

        Assert.Contains("INDEX runs_by_function (function_id=? AND take_order<?)", plan);
        Assert.DoesNotContain("SCAN runs", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Fact]
    public async Task The_runs_a_cancelling_event_may_cancel_are_found_through_the_function_index_of_runs_not_over()
    {
        var plan = await PlanAsync(AttrFanout.Sqlite.Flow.CancelOnCandidates.Candidates);

        Assert.Contains("SEARCH r USING INDEX runs_by_function (function_id=?)", plan);
        Assert.Contains("SEARCH e USING INTEGER PRIMARY KEY (rowid=?)", plan);
        Assert.DoesNotContain("SCAN", plan);
    }

    [Fact]
    public async Task An_idempotency_key_is_looked_up_through_its_primary_key()
    {
        var plan = await PlanAsync(Writing.IdempotencyKeys.FindLive);

        Assert.Contains("SEARCH idempotency_keys USING PRIMARY KEY (function_id=? AND key=?)", plan);
    }

    [Fact]
    public async Task Pruning_idempotency_keys_finds_the_ones_that_ran_out_through_their_index()
    {
        var plan = await PlanAsync(Outcomes.PruneOperation.PruneIdempotencyKeys);

        Assert.Contains("idempotency_keys_by_until (until<?)", plan);
        Assert.DoesNotContain("SCAN", plan);
    }

    [Fact]
    public async Task A_slot_counts_its_holders_through_its_primary_key()
    {
        var plan = await PlanAsync(AttrFanout.Sqlite.Flow.AcquireSlotOperation.CountHolders);

        Assert.Contains("USING PRIMARY KEY (slot=?)", plan);
        Assert.DoesNotContain("SCAN", plan);
    }

    [Fact]
    public async Task Handing_leases_back_walks_only_the_unfinished_runs()
    {
        var plan = await PlanAsync(ReleaseLeasesOperation.Release);

        Assert.Contains("SCAN runs USING INDEX runs_by_function", plan);
        Assert.DoesNotContain("SCAN runs\n", plan + "\n");
    }

    [Fact]
    public async Task Deduplication_looks_the_event_id_up_through_its_index()
    {
        var plan = await PlanAsync(AcceptOperation.FindRecent);

        Assert.Contains("INDEX events_by_id (id=? AND accepted_at>?)", plan);
    }

    [Fact]
    public async Task Pruning_finds_old_succeeded_runs_through_old_events_and_old_failed_runs_through_the_failed_index()
    {
        var succeeded = await PlanAsync(PruneOperation.PruneSucceeded);
        Assert.Contains("SEARCH e USING COVERING INDEX events_by_accepted_at (accepted_at<?)", succeeded);
        Assert.Contains("SEARCH r USING INDEX runs_by_event (event_seq=?)", succeeded);
        Assert.DoesNotContain("SCAN", succeeded);
        var failed = await PlanAsync(PruneOperation.PruneFailed);
        Assert.Contains("SEARCH runs USING COVERING INDEX runs_by_failed_at (finished_at<?)", failed);
        var events = await PlanAsync(PruneOperation.PruneEvents);
        Assert.Contains("INDEX events_by_accepted_at (accepted_at<?)", events);
        Assert.Contains("INDEX runs_by_event (event_seq=?)", events);
    }

    [Fact]
    public async Task Listing_failed_runs_walks_the_finished_index_in_order()
    {
        await using var db = new TestDatabase();
        db.Open();
        using var connection = db.OpenRaw();
        using var command = connection.CreateCommand();
        var where = FailedRunSql.Where(command, new FailedRunFilter(FunctionId: "a", EventName: "x"), new FailedRunCursor(TestDatabase.Start, "r"));
        command.CommandText = $"EXPLAIN QUERY PLAN SELECT r.id {FailedRunSql.From} {where} ORDER BY r.finished_at, r.id LIMIT 10";

        var plan = Read(command);

        Assert.Contains("SEARCH r USING INDEX runs_by_failed_at (finished_at>?)", plan);
        Assert.Contains("SEARCH e USING INTEGER PRIMARY KEY (rowid=?)", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    private static async Task<string> PlanAsync(Statement statement)
    {
        await using var db = new TestDatabase();
        db.Open();
        using var connection = db.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
        foreach (var name in statement.Parameters)
        {
            command.Parameters.AddWithValue(name, 0);
        }

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
