namespace AttrFanout.Sqlite.Tests.Engine;

using StoredRunStatus = global::AttrFanout.RunStatus;

public sealed class ConcurrencySlotTests
{
    [Fact]
    public async Task A_function_slot_frees_when_the_handler_returns_not_when_its_outcome_is_committed()
    {
        await using var db = new TestDatabase();
        await using var app = await EngineApp.StartAsync(db);
        var key = Guid.NewGuid().ToString("N");
        var first = (await app.Sender.SendAsync(new SerialWanted(key))).RunIds[0];
        var second = (await app.Sender.SendAsync(new SerialWanted(key))).RunIds[0];
        await Until.HoldsAsync(() => Executions.Count(key, "one-at-a-time") == 1, "the first run executes");

        using (app.Store.Runs.Writer.HoldBatches())
        {
            Gates.Open(key);
            await Until.HoldsAsync(() => Executions.Count(key, "one-at-a-time") == 2, "the second run executes while the first one's outcome waits for its commit");
            Assert.Equal(StoredRunStatus.Running, (await app.Runs.GetAsync(first))!.Status);
        }

        Assert.Equal(StoredRunStatus.Succeeded, (await app.Runs.WaitForCompletionAsync(first).Safe()).Status);
        Assert.Equal(StoredRunStatus.Succeeded, (await app.Runs.WaitForCompletionAsync(second).Safe()).Status);
    }
}
