using AttrFanout.Nats.Consuming;
using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Store;
using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.Store;

[Collection(NatsCollection.Name)]
public sealed class FunctionFeedTests(NatsServerFixture server)
{
    private const int Batch = 2;
    private const int Published = 20;

    [Fact]
    public async Task A_feed_holds_at_most_its_batches_and_hands_the_untaken_ones_back_at_once()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("pack", "order/paid", 3, TimeSpan.FromSeconds(30)), CancellationToken.None);
        for (var i = 0; i < Published; i++)
        {
            await nats.Publisher.PublishAsync(WireEvents.Create("order/paid", $"order-{i}"), CancellationToken.None);
        }

        var feed = new FunctionFeed(
            new DurableConsumer(nats.Js, nats.Options.StreamName, ConsumerNames.Function("pack")),
            new DurableConsumer(nats.Js, nats.Options.StreamName, ConsumerNames.Replay("pack")),
            Batch,
            TimeSpan.FromSeconds(2),
            TimeSpan.FromSeconds(30),
            TimeProvider.System);
        var taken = new List<BufferedMessage>();
        for (var i = 0; i < 3; i++)
        {
            await feed.WaitAsync(CancellationToken.None);
            Assert.True(feed.TryTake(out var message));
            taken.Add(message);
        }

        await Task.Delay(500);
        var held = taken.Count;
        while (feed.TryTake(out var message))
        {
            taken.Add(message);
        }

        Assert.InRange(taken.Count - held, 0, FunctionFeed.BatchesHeld * Batch);
        await feed.WaitAsync(CancellationToken.None);
        await feed.ReleaseAllAsync();

        var others = new DurableConsumer(nats.Js, nats.Options.StreamName, ConsumerNames.Function("pack"));
        var rest = await others.FetchAsync(Published, TimeSpan.FromSeconds(2), CancellationToken.None);
        Assert.Equal(Published - taken.Count, rest.Count);
        foreach (var message in taken)
        {
            await message.Heartbeat.DisposeAsync();
        }
    }
}
