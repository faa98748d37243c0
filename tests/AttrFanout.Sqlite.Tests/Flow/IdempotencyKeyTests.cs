using System.Text;

namespace AttrFanout.Sqlite.Tests.Flow;

public sealed class IdempotencyKeyTests
{
    private static readonly DateTimeOffset Until = TestDatabase.Start.AddHours(24);

    [Fact]
    public async Task A_key_taken_before_a_restart_keeps_a_later_event_from_creating_a_run_and_names_the_first_run()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var first = await store.AcceptAsync(Event("e-1", Keyed("summarize", "doc-1"), new RunToCreate("audit", 5)));
        await store.DisposeAsync();

        var reopened = db.Open();
        db.Time.Advance(TimeSpan.FromHours(23));
        var second = await reopened.AcceptAsync(Event("e-2", Keyed("summarize", "doc-1"), new RunToCreate("audit", 5)));

        Assert.False(second.IsDuplicate);
        Assert.Equal(first.RunIds[0], second.RunIds[0]);
        Assert.NotEqual(first.RunIds[1], second.RunIds[1]);
        Assert.Equal(new[] { 1 }, second.Created);
        Assert.Equal(["audit"], (await reopened.GetRunsOfEventAsync("e-2")).Select(r => r.FunctionId));
    }

    [Fact]
    public async Task A_key_is_per_function_and_per_key()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var first = await store.AcceptAsync(Event("e-1", Keyed("summarize", "doc-1")));

        var otherKey = await store.AcceptAsync(Event("e-2", Keyed("summarize", "doc-2")));
        var otherFunction = await store.AcceptAsync(Event("e-3", Keyed("translate", "doc-1")));

        Assert.Null(otherKey.Created);
        Assert.Null(otherFunction.Created);
        Assert.Equal(3, new[] { first.RunIds[0], otherKey.RunIds[0], otherFunction.RunIds[0] }.Distinct().Count());
    }

    [Fact]
    public async Task Once_the_key_ran_out_a_new_run_is_created_and_takes_it()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var first = await store.AcceptAsync(Event("e-1", Keyed("summarize", "doc-1")));
        db.Time.Advance(TimeSpan.FromHours(24));

        var second = await store.AcceptAsync(Event("e-2", Keyed("summarize", "doc-1", Until.AddHours(24))));
        var third = await store.AcceptAsync(Event("e-3", Keyed("summarize", "doc-1", Until.AddHours(24))));

        Assert.Null(second.Created);
        Assert.NotEqual(first.RunIds[0], second.RunIds[0]);
        Assert.Equal(second.RunIds[0], third.RunIds[0]);
    }

    [Fact]
    public async Task Two_events_with_one_key_accepted_at_once_from_two_stores_create_one_run()
    {
        await using var db = new TestDatabase();
        var stores = new[] { db.Open(), db.Open() };

        var accepted = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => stores[i % 2].AcceptAsync(Event($"e-{i}", Keyed("summarize", "doc-1")))));

        Assert.Single(accepted.Select(a => a.RunIds[0]).Distinct());
        using var connection = db.OpenRaw();
        Assert.Equal(["1"], SchemaTests.Strings(connection, "SELECT CAST(COUNT(*) AS TEXT) FROM runs"));
    }

    [Fact]
    public async Task Pruning_deletes_keys_that_ran_out()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        await store.AcceptAsync(Event("e-1", Keyed("summarize", "doc-1", TestDatabase.Start.AddHours(1))));
        await store.AcceptAsync(Event("e-2", Keyed("summarize", "doc-2", TestDatabase.Start.AddHours(3))));
        db.Time.Advance(TimeSpan.FromHours(2));

        await store.PruneAsync();

        using var connection = db.OpenRaw();
        Assert.Equal(["doc-2"], SchemaTests.Strings(connection, "SELECT key FROM idempotency_keys"));
    }

    private static RunToCreate Keyed(string functionId, string key, DateTimeOffset? until = null) =>
        new(functionId, 5) { IdempotencyKey = key, IdempotentUntil = until ?? Until };

    private static EventToAccept Event(string id, params RunToCreate[] runs) =>
        new(id, "doc/ready", TestDatabase.Start, Encoding.UTF8.GetBytes("{}"), runs);
}
