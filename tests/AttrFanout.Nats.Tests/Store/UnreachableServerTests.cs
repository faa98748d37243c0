using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.Store;

public sealed class UnreachableServerTests
{
    [Fact]
    public async Task A_store_whose_server_stopped_answering_releases_its_feeds_together_not_one_drain_timeout_after_another()
    {
        await using var server = new RestartableServer();
        await server.StartAsync();
        var store = TestStores.New(new NatsJetStreamOptions { Url = server.Url }, TestStores.Catalog());
        var session = await store.OpenAsync(CancellationToken.None);
        Assert.True(session.AllFeeds.Count > 1);
        await server.PauseAsync();

        // Each release waits for the server to confirm its unsubscribe, up to the client's drain timeout (5 s): one after
        // another, shutdown took that times the number of functions.
        var disposing = store.DisposeAsync().AsTask();
        await Eventually.PollAsync(() => Task.FromResult(session.AllFeeds.Count(feed => feed.IsReleased)), released => released == session.AllFeeds.Count, "every feed to be released");
        Assert.False(session.AllFeeds[0].ReleaseAllAsync().IsCompleted, "the first feed finished its release before the last one started");

        await server.ResumeAsync();
        await disposing.WaitAsync(TimeSpan.FromSeconds(60));
    }
}
