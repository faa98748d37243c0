using System.Text;
using AttrFanout.Nats.Consuming;
using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Tests.Infrastructure;
using AttrFanout.Nats.Wire;

namespace AttrFanout.Nats.Tests.Transport;

[Collection(NatsCollection.Name)]
public sealed class PublishAndConsumeTests(NatsServerFixture server)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task One_publish_reaches_each_of_three_functions_once()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        string[] functions = ["send-email", "track-signup", "create-account"];
        foreach (var id in functions)
        {
            await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription(id, "user/signup", 3, TimeSpan.FromSeconds(30)), CancellationToken.None);
        }

        var sent = WireEvents.Create("user/signup", payload: """{"userId":"u1"}""");
        await nats.Publisher.PublishAsync(sent, CancellationToken.None);

        var reader = new WireEventReader(nats.Subjects);
        foreach (var id in functions)
        {
            var consumer = new DurableConsumer(nats.Js, nats.Options.StreamName, ConsumerNames.Function(id));
            var messages = await consumer.FetchAsync(10, Wait, CancellationToken.None);
            var message = Assert.Single(messages);
            Assert.True(reader.TryRead(message.Subject, message.Headers, message.Body, message.StoredAt, out var received, out var error), error);
            Assert.Equal(sent.Id, received.Id);
            Assert.Equal("user/signup", received.Name);
            Assert.Equal(sent.Timestamp, received.Timestamp);
            Assert.Equal("""{"userId":"u1"}""", Encoding.UTF8.GetString(received.Payload.Span));
            Assert.Equal(1, message.DeliveryCount);
            await message.AckAsync(CancellationToken.None);
        }

        await Eventually.PollAsync(() => nats.StreamMessagesAsync(nats.Options.StreamName), count => count == 0, "the acknowledged message to leave the stream");
    }

    [Fact]
    public async Task A_second_publish_with_the_same_event_id_is_a_duplicate()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("bill", "order/placed", 1, TimeSpan.FromSeconds(30)), CancellationToken.None);

        var first = await nats.Publisher.PublishAsync(WireEvents.Create("order/placed", "order-42"), CancellationToken.None);
        var second = await nats.Publisher.PublishAsync(WireEvents.Create("order/placed", "order-42"), CancellationToken.None);

        Assert.False(first.IsDuplicate);
        Assert.True(second.IsDuplicate);
        Assert.Equal(first.Sequence, second.Sequence);
        Assert.Equal(1L, await nats.StreamMessagesAsync(nats.Options.StreamName));
    }

    [Fact]
    public async Task A_nak_with_delay_redelivers_only_to_that_function_and_terminate_stops_it()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("flaky", "job/run", 3, TimeSpan.FromSeconds(1)), CancellationToken.None);
        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("steady", "job/run", 3, TimeSpan.FromSeconds(30)), CancellationToken.None);
        await nats.Publisher.PublishAsync(WireEvents.Create("job/run"), CancellationToken.None);
        var flaky = new DurableConsumer(nats.Js, nats.Options.StreamName, ConsumerNames.Function("flaky"));
        var steady = new DurableConsumer(nats.Js, nats.Options.StreamName, ConsumerNames.Function("steady"));

        var steadyMessage = Assert.Single(await steady.FetchAsync(1, Wait, CancellationToken.None));
        await steadyMessage.AckAsync(CancellationToken.None);

        var first = Assert.Single(await flaky.FetchAsync(1, Wait, CancellationToken.None));
        await first.RetryAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None);
        var second = Assert.Single(await flaky.FetchAsync(1, Wait, CancellationToken.None));
        Assert.Equal(2, second.DeliveryCount);
        Assert.Equal(first.StreamSequence, second.StreamSequence);

        await second.TerminateAsync(CancellationToken.None);
        Assert.Empty(await flaky.FetchAsync(1, TimeSpan.FromSeconds(2.5), CancellationToken.None));
        Assert.Empty(await steady.FetchWaitingAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task A_replay_reaches_only_its_function_replay_consumer()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("bill", "order/placed", 1, TimeSpan.FromSeconds(30)), CancellationToken.None);
        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("ship", "order/placed", 1, TimeSpan.FromSeconds(30)), CancellationToken.None);

        await nats.Publisher.PublishReplayAsync("bill", WireEvents.Create("order/placed", "order-7"), "replay-run-1", null, CancellationToken.None);

        var replays = new DurableConsumer(nats.Js, nats.Options.StreamName, ConsumerNames.Replay("bill"));
        var message = Assert.Single(await replays.FetchAsync(5, Wait, CancellationToken.None));
        Assert.True(new WireEventReader(nats.Subjects).TryRead(message.Subject, message.Headers, message.Body, message.StoredAt, out var replayed, out var error), error);
        Assert.Equal("order-7", replayed.Id);
        Assert.Equal("order/placed", replayed.Name);
        Assert.Equal("replay-run-1", HeaderText.Get(message.Headers, WireHeaders.RunId));
        Assert.Empty(await new DurableConsumer(nats.Js, nats.Options.StreamName, ConsumerNames.Replay("ship")).FetchWaitingAsync(5, CancellationToken.None));
        Assert.Empty(await new DurableConsumer(nats.Js, nats.Options.StreamName, ConsumerNames.Function("bill")).FetchWaitingAsync(5, CancellationToken.None));
    }
}
