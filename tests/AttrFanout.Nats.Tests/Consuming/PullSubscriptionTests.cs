using AttrFanout.Nats.Consuming;
using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Tests.Infrastructure;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Tests.Consuming;

[Collection(NatsCollection.Name)]
public sealed class PullSubscriptionTests(NatsServerFixture server)
{
    [Fact]
    public async Task A_request_cut_short_by_the_consumers_max_ack_pending_ends_within_its_expiry_and_leaves_nothing_waiting_on_the_server()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("pack", "order/paid", 3, TimeSpan.FromSeconds(30)), CancellationToken.None);
        var consumer = ConsumerNames.Function("pack");
        var config = (await nats.Js.GetConsumerAsync(nats.Options.StreamName, consumer)).Info.Config;
        config.MaxAckPending = 2;
        await nats.Js.UpdateConsumerAsync(nats.Options.StreamName, config);
        for (var i = 0; i < 6; i++)
        {
            await nats.Publisher.PublishAsync(WireEvents.Create("order/paid", $"order-{i}"), CancellationToken.None);
        }

        await using var pull = await PullSubscription.OpenAsync(
            nats.Js, nats.Options.StreamName, [consumer, ConsumerNames.Replay("pack")], 64, nats.Options.FetchExpiry, TimeProvider.System, static (_, _, _) => { }, CancellationToken.None);
        await pull.RequestAsync(0, 8, wait: false, CancellationToken.None);

        // The server sends the two its max ack pending allows; the request must then end (with a status saying what it
        // will not bring) rather than stay on the server for whenever those two are acknowledged.
        var taken = new List<DeliveredMessage>();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (pull.Requested(0) > 0 && await pull.WaitToReadAsync(bound.Token))
            {
                while (pull.TryRead(out var message))
                {
                    taken.Add(message);
                }
            }
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested)
        {
            Assert.Fail($"The request did not end: {taken.Count} message(s) came, {pull.Requested(0)} still asked for, no status.");
        }

        Assert.Equal(2, taken.Count);
        Assert.Equal(0, pull.Requested(0));
        var info = await nats.Js.GetConsumerAsync(nats.Options.StreamName, consumer);
        Assert.Equal(0, info.Info.NumWaiting);
    }
}
