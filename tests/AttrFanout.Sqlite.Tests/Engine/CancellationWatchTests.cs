using AttrFanout.Sqlite.Engine;
using AttrFanout.Stores;

namespace AttrFanout.Sqlite.Tests.Engine;

public sealed class CancellationWatchTests
{
    [Fact]
    public async Task A_request_is_streamed_once_and_again_after_its_run_is_handed_over_and_a_run_not_leased_is_never_streamed()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        await store.AcceptAsync(Events.Create("e-1", "user/signup", "a", "b"));
        var leased = await store.LeaseDueAsync("owner", 1, TimeSpan.FromMinutes(10), functionId: "a");
        var running = Assert.Single(leased).RunId;
        var pending = (await store.GetRunsOfEventAsync("e-1")).Single(r => r.FunctionId == "b").RunId;
        Assert.False(await store.CancelRunAsync(running, "cancelled by request", db.Time.GetUtcNow()));
        using var reads = new ReadConnections(store.OpenReadConnection);
        var errors = new List<Exception>();
        using var watch = new CancellationWatch(reads, db.Time, errors.Add);
        using var stop = new CancellationTokenSource(Until.Timeout);
        var stream = watch.WatchAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(new RunCancellation(running, "cancelled by request"), stream.Current);
        var next = stream.MoveNextAsync().AsTask();
        db.Time.Advance(CancellationWatch.PollInterval);
        db.Time.Advance(CancellationWatch.PollInterval);
        Assert.False(next.IsCompleted);

        watch.HandedOver(running);
        await EngineApp.AdvanceUntilAsync(db, () => Task.FromResult(next.IsCompleted), TimeSpan.FromMinutes(1), "the request is streamed again", CancellationWatch.PollInterval);

        Assert.True(await next);
        Assert.Equal(running, stream.Current.RunId);
        Assert.True(await store.CancelRunAsync(pending, "cancelled by request", db.Time.GetUtcNow()));
        Assert.Empty(errors);
        await stop.CancelAsync();
        Assert.False(await stream.MoveNextAsync().AsTask().WaitAsync(Until.Timeout));
        await stream.DisposeAsync();
    }
}
