using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Tests.Infrastructure;
using NATS.Client.JetStream.Models;

namespace AttrFanout.Nats.Tests.Transport;

[Collection(NatsCollection.Name)]
public sealed class ProvisioningTests(NatsServerFixture server)
{
    [Fact]
    public async Task Streams_and_consumers_are_created_once_and_provisioning_again_changes_nothing()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        var function = new FunctionSubscription("send-email", "user/signup", 5, TimeSpan.FromSeconds(30));

        await nats.Provisioner.EnsureFunctionAsync(function, CancellationToken.None);
        var first = await nats.Js.GetConsumerAsync(nats.Options.StreamName, ConsumerNames.Function("send-email"));
        await nats.Provisioner.EnsureStreamsAsync(CancellationToken.None);
        await nats.Provisioner.EnsureFunctionAsync(function, CancellationToken.None);
        var second = await nats.Js.GetConsumerAsync(nats.Options.StreamName, ConsumerNames.Function("send-email"));

        Assert.Equal(first.Info.Created, second.Info.Created);
        Assert.Equal(nats.Subjects.Routed("user/signup"), second.Info.Config.FilterSubject);
        Assert.Equal(6, second.Info.Config.MaxDeliver);
        Assert.Equal(TimeSpan.FromSeconds(30), second.Info.Config.AckWait);
        Assert.Equal(ConsumerConfigAckPolicy.Explicit, second.Info.Config.AckPolicy);

        var replay = await nats.Js.GetConsumerAsync(nats.Options.StreamName, ConsumerNames.Replay("send-email"));
        Assert.Equal(nats.Subjects.Replay("send-email"), replay.Info.Config.FilterSubject);

        var stream = await nats.Js.GetStreamAsync(nats.Options.StreamName);
        Assert.Equal(StreamConfigRetention.Interest, stream.Info.Config.Retention);
        Assert.Equal([nats.Subjects.AllEvents, nats.Subjects.AllRouted, nats.Subjects.AllReplays], stream.Info.Config.Subjects);
        Assert.Equal(TimeSpan.FromHours(24), stream.Info.Config.DuplicateWindow);
    }

    [Fact]
    public async Task A_changed_retry_policy_or_timeout_updates_the_consumer()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("charge", "order/placed", 5, TimeSpan.FromSeconds(30)), CancellationToken.None);

        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("charge", "order/placed", 2, TimeSpan.FromSeconds(90)), CancellationToken.None);

        var consumer = await nats.Js.GetConsumerAsync(nats.Options.StreamName, ConsumerNames.Function("charge"));
        Assert.Equal(3, consumer.Info.Config.MaxDeliver);
        Assert.Equal(TimeSpan.FromSeconds(90), consumer.Info.Config.AckWait);
    }

    [Fact]
    public async Task A_function_moved_to_another_event_gets_a_consumer_on_the_new_subject()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("audit", "order/placed", 1, TimeSpan.FromSeconds(30)), CancellationToken.None);

        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("audit", "order/shipped", 1, TimeSpan.FromSeconds(30)), CancellationToken.None);

        var consumer = await nats.Js.GetConsumerAsync(nats.Options.StreamName, ConsumerNames.Function("audit"));
        Assert.Equal(nats.Subjects.Routed("order/shipped"), consumer.Info.Config.FilterSubject);
    }

    [Fact]
    public async Task A_stream_and_consumer_from_before_routed_subjects_are_moved_to_them()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        var earlier = nats.Topology.EventStream();
        earlier.Subjects = [nats.Subjects.AllEvents, nats.Subjects.AllReplays];
        await nats.Js.UpdateStreamAsync(earlier);
        await nats.Js.CreateOrUpdateConsumerAsync(nats.Options.StreamName, new ConsumerConfig(ConsumerNames.Function("audit")) { FilterSubject = nats.Subjects.Event("order/placed"), AckPolicy = ConsumerConfigAckPolicy.Explicit });

        await nats.Provisioner.EnsureStreamsAsync(CancellationToken.None);
        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("audit", "order/placed", 1, TimeSpan.FromSeconds(30)), CancellationToken.None);

        var stream = await nats.Js.GetStreamAsync(nats.Options.StreamName);
        Assert.Contains(nats.Subjects.AllRouted, stream.Info.Config.Subjects!);
        var consumer = await nats.Js.GetConsumerAsync(nats.Options.StreamName, ConsumerNames.Function("audit"));
        Assert.Equal(nats.Subjects.Routed("order/placed"), consumer.Info.Config.FilterSubject);
    }
}
