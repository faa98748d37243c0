namespace AttrFanout.Sqlite.Tests;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task Concurrent_accepts_share_one_transaction_and_complete_only_after_it_committed()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var transactionsBefore = store.Writer.Transactions;

        var accepts = new Task<AcceptOutcome>[200];
        using (store.Writer.HoldBatches())
        {
            Parallel.For(0, accepts.Length, i => accepts[i] = store.AcceptAsync(Events.Create($"e-{i}")));
            Assert.All(accepts, accept => Assert.False(accept.IsCompleted));
            using var connection = db.OpenRaw();
            Assert.Equal(0L, SchemaTests.Scalar(connection, "SELECT COUNT(*) FROM events"));
        }

        var results = await Task.WhenAll(accepts);

        Assert.Equal(1, store.Writer.Transactions - transactionsBefore);
        Assert.Equal(200, store.Writer.Operations);
        Assert.All(results, result => Assert.Equal(2, result.RunIds.Count));
        using var check = db.OpenRaw();
        Assert.Equal(200L, SchemaTests.Scalar(check, "SELECT COUNT(*) FROM events"));
        Assert.Equal(400L, SchemaTests.Scalar(check, "SELECT COUNT(*) FROM runs"));
    }

    [Fact]
    public async Task A_batch_never_exceeds_the_maximum_size()
    {
        await using var db = new TestDatabase();
        var store = db.Open(o => o.MaxBatchSize = 50);
        var transactionsBefore = store.Writer.Transactions;

        Task<AcceptOutcome>[] accepts;
        using (store.Writer.HoldBatches())
        {
            accepts = Enumerable.Range(0, 200).Select(i => store.AcceptAsync(Events.Create($"e-{i}"))).ToArray();
        }

        await Task.WhenAll(accepts);

        Assert.Equal(4, store.Writer.Transactions - transactionsBefore);
    }

    [Fact]
    public async Task A_failing_write_fails_alone_and_its_batch_neighbours_commit()
    {
        await using var db = new TestDatabase();
        var store = db.Open();

        var transactionsBefore = store.Writer.Transactions;

        Task<AcceptOutcome> before, after;
        Task<int> broken;
        using (store.Writer.HoldBatches())
        {
            before = store.AcceptAsync(Events.Create("e-1"));
            broken = store.Writer.EnqueueAsync(new InsertThenThrow());
            after = store.AcceptAsync(Events.Create("e-3"));
        }

        await before;
        await after;
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => broken);
        Assert.Equal(2, store.Writer.Transactions - transactionsBefore);
        using var connection = db.OpenRaw();
        Assert.Equal(["e-1", "e-3"], SchemaTests.Strings(connection, "SELECT id FROM events ORDER BY id"));
    }

    [Fact]
    public async Task Writes_queued_before_dispose_are_committed()
    {
        await using var db = new TestDatabase();
        var store = db.Open();

        var accepts = Enumerable.Range(0, 50).Select(i => store.AcceptAsync(Events.Create($"e-{i}"))).ToArray();
        await store.DisposeAsync();

        Assert.All(accepts, accept => Assert.True(accept.IsCompletedSuccessfully));
        using var connection = db.OpenRaw();
        Assert.Equal(50L, SchemaTests.Scalar(connection, "SELECT COUNT(*) FROM events"));
    }

    /// <summary>Writes an event, then fails on a constraint: its own write must roll back with it.</summary>
    private sealed class InsertThenThrow : Writing.WriteOperation<int>
    {
        protected override int Run(Writing.WriteContext context)
        {
            using var command = context.Statements.Connection.CreateCommand();
            command.CommandText = "INSERT INTO events (id, name, timestamp, payload, accepted_at) VALUES ('e-2', 'x', 0, x'00', 0); INSERT INTO events (seq, id, name, timestamp, payload, accepted_at) VALUES (last_insert_rowid(), 'dup', 'x', 0, x'00', 0)";
            return command.ExecuteNonQuery();
        }
    }
}
