using Microsoft.Data.Sqlite;

namespace AttrFanout.Sqlite.Tests;

/// <summary>The writer binds through SQLitePCL directly; these pin what Microsoft.Data.Sqlite used to guarantee.</summary>
public sealed class NativeStatementTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_empty_error_is_stored_as_empty_text_not_as_null()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        await store.AcceptAsync(Events.Create("e-1", "user/signup", "a"));
        var run = Assert.Single(await store.LeaseDueAsync("owner", 1, LeaseDuration));

        Assert.True(await store.RecordOutcomeAsync(run.RunId, "owner", new RunOutcome.Failed(new RunError("", ""))));

        Assert.Equal(new RunError("", ""), (await store.GetRunAsync(run.RunId))!.LastError);
    }

    [Fact]
    public async Task Text_outside_ascii_round_trips()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        const string name = "commande/passée-✓-𝄞";
        await store.AcceptAsync(new EventToAccept("é-1", name, TestDatabase.Start, new byte[] { 1 }, Events.Runs("fonction-à")));
        var run = Assert.Single(await store.LeaseDueAsync("owner", 1, LeaseDuration));
        var error = new RunError("Ошибка", "message \u0000 with a NUL, 中文 and 😀");

        Assert.True(await store.RecordOutcomeAsync(run.RunId, "owner", new RunOutcome.Failed(error)));

        Assert.Equal(("é-1", name, "fonction-à"), (run.EventId, run.EventName, run.FunctionId));
        Assert.Equal(error, (await store.GetRunAsync(run.RunId))!.LastError);
    }

    [Fact]
    public async Task A_failing_statement_throws_the_sqlite_error_and_leaves_the_statement_usable()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var taken = new RunToCreate("a", 5, RunId: "run-1");
        await store.AcceptAsync(new EventToAccept("e-1", "user/signup", TestDatabase.Start, new byte[] { 1 }, [taken]));

        var error = await Assert.ThrowsAsync<SqliteException>(() => store.AcceptAsync(new EventToAccept("e-2", "user/signup", TestDatabase.Start, new byte[] { 1 }, [taken])));
        var next = await store.AcceptAsync(new EventToAccept("e-3", "user/signup", TestDatabase.Start, new byte[] { 1 }, [taken with { RunId = "run-2" }]));

        Assert.Equal(19, error.SqliteErrorCode);
        Assert.Contains("UNIQUE", error.Message);
        Assert.Equal(["run-2"], next.RunIds);
        using var connection = db.OpenRaw();
        Assert.Equal(["e-1", "e-3"], SchemaTests.Strings(connection, "SELECT id FROM events ORDER BY id"));
    }
}
