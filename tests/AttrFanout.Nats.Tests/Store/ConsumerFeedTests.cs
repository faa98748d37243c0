using AttrFanout.Nats.Consuming;
using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Store;
using AttrFanout.Nats.Tests.Infrastructure;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Tests.Store;

[Collection(NatsCollection.Name)]
public sealed class ConsumerFeedTests(NatsServerFixture server)
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

        var feed = await OpenFeedAsync(nats, "pack", TimeSpan.FromSeconds(30));
        var taken = new List<DeliveredMessage>();
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

        Assert.InRange(taken.Count - held, 0, ConsumerFeed.BatchesHeld * Batch);
        await feed.WaitAsync(CancellationToken.None);
        await feed.ReleaseAllAsync();

        var others = new DurableConsumer(nats.Js, nats.Options.StreamName, ConsumerNames.Function("pack"));
        var rest = await others.FetchAsync(Published, TimeSpan.FromSeconds(2), CancellationToken.None);
        Assert.Equal(Published - taken.Count, rest.Count);
    }

    [Fact]
    public async Task An_idle_feed_asks_again_when_its_wait_expires_and_takes_what_comes_later()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("notify", "order/paid", 3, TimeSpan.FromSeconds(30)), CancellationToken.None);
        var feed = await OpenFeedAsync(nats, "notify", TimeSpan.FromSeconds(30));
        await using var clock = new ProgressClock([feed], new(), TimeProvider.System);
        var waiting = feed.WaitAsync(CancellationToken.None).AsTask();

        await Task.Delay(nats.Options.FetchExpiry * 2);
        Assert.False(waiting.IsCompleted);
        await nats.Publisher.PublishAsync(WireEvents.Create("order/paid", "late"), CancellationToken.None);
        await waiting.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(feed.TryTake(out var message));
        Assert.Equal("late", message.Headers?["Nats-Msg-Id"].ToString());
        await message.AckAsync(CancellationToken.None);
        await feed.ReleaseAllAsync();
    }

    [Fact]
    public async Task Replays_reach_the_feed_beside_the_events()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("bill", "order/placed", 3, TimeSpan.FromSeconds(30)), CancellationToken.None);
        var feed = await OpenFeedAsync(nats, "bill", TimeSpan.FromSeconds(30));
        await nats.Publisher.PublishAsync(WireEvents.Create("order/placed", "event-1"), CancellationToken.None);
        await nats.Publisher.PublishReplayAsync("bill", WireEvents.Create("order/placed", "event-0"), "replay-run", null, CancellationToken.None);

        var consumers = new List<string>();
        while (consumers.Count < 2)
        {
            await feed.WaitAsync(CancellationToken.None);
            while (feed.TryTake(out var message))
            {
                consumers.Add(message.Consumer);
                await message.AckAsync(CancellationToken.None);
            }
        }

        Assert.Equal([ConsumerNames.Function("bill"), ConsumerNames.Replay("bill")], consumers.Order());
        await feed.ReleaseAllAsync();
    }

    [Fact]
    public async Task Messages_held_untaken_past_the_ack_wait_keep_their_delivery()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        var ackWait = TimeSpan.FromSeconds(2);
        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("pack", "order/paid", 3, ackWait), CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            await nats.Publisher.PublishAsync(WireEvents.Create("order/paid", $"order-{i}"), CancellationToken.None);
        }

        var feed = await OpenFeedAsync(nats, "pack", ackWait);
        await using (new ProgressClock([feed], new(), TimeProvider.System))
        {
            await feed.WaitAsync(CancellationToken.None);
            await Task.Delay(ackWait * 3);
            var others = new DurableConsumer(nats.Js, nats.Options.StreamName, ConsumerNames.Function("pack"));
            Assert.Empty(await others.FetchWaitingAsync(3, CancellationToken.None));
        }

        var taken = new List<DeliveredMessage>();
        while (taken.Count < 3)
        {
            await feed.WaitAsync(CancellationToken.None);
            while (feed.TryTake(out var message))
            {
                taken.Add(message);
            }
        }

        Assert.All(taken, message => Assert.Equal(1, message.DeliveryCount));
        await feed.ReleaseAllAsync();
    }

    [Fact]
    public async Task A_feed_whose_consumer_was_recreated_takes_its_messages_again()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        var function = new FunctionSubscription("audit", "order/paid", 3, TimeSpan.FromSeconds(30));
        await nats.Provisioner.EnsureFunctionAsync(function, CancellationToken.None);
        var feed = await OpenFeedAsync(nats, "audit", TimeSpan.FromSeconds(30));
        await using var clock = new ProgressClock([feed], new(), TimeProvider.System);
        var waiting = feed.WaitAsync(CancellationToken.None).AsTask();
        await Task.Delay(500);

        await nats.Js.DeleteConsumerAsync(nats.Options.StreamName, ConsumerNames.Function("audit"));
        await nats.Provisioner.EnsureFunctionAsync(function, CancellationToken.None);
        await nats.Publisher.PublishAsync(WireEvents.Create("order/paid", "after"), CancellationToken.None);
        await waiting.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(feed.TryTake(out var message));
        Assert.Equal("after", message.Headers?["Nats-Msg-Id"].ToString());
        await message.AckAsync(CancellationToken.None);
        await feed.ReleaseAllAsync();
    }

    internal static async Task<ConsumerFeed> OpenFeedAsync(JetStreamHarness nats, string functionId, TimeSpan ackWait)
    {
        var pull = await PullSubscription.OpenAsync(
            nats.Js,
            nats.Options.StreamName,
            [ConsumerNames.Function(functionId), ConsumerNames.Replay(functionId)],
            256,
            nats.Options.FetchExpiry,
            TimeProvider.System,
            static (_, _, _) => { },
            CancellationToken.None);
        return new ConsumerFeed(pull, 2, Batch, ackWait);
    }
}
