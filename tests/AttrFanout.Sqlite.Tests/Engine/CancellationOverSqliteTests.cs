using AttrFanout.Sqlite.Engine;
using AttrFanout.Stores;

namespace AttrFanout.Sqlite.Tests.Engine;

public sealed class CancellationOverSqliteTests
{
    [Fact]
    public async Task A_run_executing_in_one_app_is_announced_to_the_watch_of_another_app_on_the_file()
    {
        await using var db = new TestDatabase();
        var executing = await EngineApp.StartAsync(db);
        await using var other = await EngineApp.StartAsync(db);
        try
        {
            var key = Guid.NewGuid().ToString("N");
            var runId = (await executing.Sender.SendAsync(new BlockWanted(key))).RunIds[0];
            await Until.HoldsAsync(() => Executions.Count(key, "block-first") == 1, "the run executes");
            using var stop = new CancellationTokenSource(Until.Timeout);
            var watch = other.Store.WatchCancellationsAsync(stop.Token).GetAsyncEnumerator(stop.Token);
            var next = watch.MoveNextAsync().AsTask();

            var run = await other.Store.CancelRunAsync(runId, "cancelled by request", db.Time.GetUtcNow(), CancellationToken.None);

            Assert.Equal(RunStatus.Running, run!.Status);
            Assert.False(next.IsCompleted);
            db.Time.Advance(CancellationWatch.PollInterval);
            Assert.True(await next.WaitAsync(Until.Timeout));
            Assert.Equal(new RunCancellation(runId, "cancelled by request"), watch.Current);
            await stop.CancelAsync();
            Assert.False(await watch.MoveNextAsync().AsTask().WaitAsync(Until.Timeout));
            await watch.DisposeAsync();
        }
        finally
        {
            await executing.CrashAsync();
        }
    }

    [Fact]
    public async Task A_run_not_executing_ends_cancelled_at_once_and_is_listed_with_its_reason()
    {
        await using var db = new TestDatabase();
        await using var app = await EngineApp.StartAsync(db);
        var key = Guid.NewGuid().ToString("N");
        var first = (await app.Sender.SendAsync(new SerialWanted(key))).RunIds[0];
        await Until.HoldsAsync(() => Executions.Count(key, "one-at-a-time") == 1, "the first run executes");
        var second = (await app.Sender.SendAsync(new SerialWanted(key))).RunIds[0];

        FunctionRun? cancelled;
        try
        {
            cancelled = await app.Store.CancelRunAsync(second, "cancelled by request", db.Time.GetUtcNow(), CancellationToken.None);
        }
        finally
        {
            Gates.Open(key);
        }

        Assert.Equal((RunStatus.Cancelled, "cancelled by request", 0), (cancelled!.Status, cancelled.Reason, cancelled.Attempts));
        Assert.Equal(RunStatus.Succeeded, (await app.Runs.WaitForCompletionAsync(first).Safe()).Status);
        EngineApp.Advance(db.Time, TimeSpan.FromSeconds(5));
        Assert.Equal(1, Executions.Count(key, "one-at-a-time"));
        Assert.Equal(RunStatus.Cancelled, (await app.Store.GetRunAsync(second, CancellationToken.None))!.Status);
        Assert.Null(await app.Store.CancelRunAsync("no-such-run", "cancelled by request", db.Time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task The_store_offers_its_flow_control_state_on_the_file()
    {
        await using var db = new TestDatabase();
        await using var first = await EngineApp.StartAsync(db);
        await using var second = await EngineApp.StartAsync(db);
        var now = db.Time.GetUtcNow();

        Assert.True(await first.Store.FlowControl.TryAcquireSlotAsync("s:f:k", 1, "run-1", now, now.AddSeconds(30), CancellationToken.None));
        Assert.False(await second.Store.FlowControl.TryAcquireSlotAsync("s:f:k", 1, "run-2", now, now.AddSeconds(30), CancellationToken.None));
        Assert.Equal(["run-1"], await second.Store.FlowControl.GetSlotHoldersAsync("s:f:k", now, CancellationToken.None));
        Assert.Same(first.Store.FlowControl, ((IFanoutStore)first.Store).FlowControl);
    }
}
