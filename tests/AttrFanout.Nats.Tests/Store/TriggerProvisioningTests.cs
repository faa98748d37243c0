using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Publishing;
using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Tests.Store;

/// <summary>On a real server: a function that gains a trigger keeps its consumer and what it holds; a trigger removed leaves an orphan.</summary>
[Collection(NatsCollection.Name)]
public sealed class TriggerProvisioningTests(NatsServerFixture server)
{
    [Fact]
    public async Task A_function_that_gains_a_trigger_keeps_its_consumer_and_its_held_runs_and_a_removed_trigger_is_an_orphan()
    {
        var options = server.NewOptions();
        options.DeleteOrphanedConsumers = true;
        await using var connection = new NatsConnection(new NatsOpts { Url = options.Url });
        var js = new NatsJSContext(connection);
        var subjects = new SubjectLayout(options.SubjectPrefix);
        var topology = new JetStreamTopology(options, subjects);
        var provisioner = new JetStreamProvisioner(js, topology);
        var before = new FunctionSubscription("greet", "user/signup", 3, TimeSpan.FromSeconds(30));
        var after = before with { TriggerEvents = ["user/signup", "user/reactivated"] };
        await provisioner.EnsureStreamsAsync(CancellationToken.None);
        await provisioner.EnsureFunctionAsync(before, CancellationToken.None);
        await using var publisher = await JetStreamPublisher.OpenAsync(connection, TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None);
        await new EventPublisher(publisher, subjects, EventRoutes.Direct(subjects)).PublishAsync(WireEvents.Create("user/signup", "held"), CancellationToken.None);

        await provisioner.EnsureFunctionAsync(after, CancellationToken.None);

        var first = (await js.GetConsumerAsync(options.StreamName, "F_greet")).Info;
        var later = (await js.GetConsumerAsync(options.StreamName, after.TriggerConsumers.Last())).Info;
        Assert.Equal(1UL, first.NumPending);
        Assert.Equal(subjects.Routed("user/signup"), first.Config.FilterSubject);
        Assert.Equal(subjects.Routed("user/reactivated"), later.Config.FilterSubject);

        await new OrphanedConsumers(js, options, topology.App, NullLogger.Instance)
            .HandleAsync(["greet"], [.. before.TriggerConsumers], CancellationToken.None);

        var left = new List<string>();
        await foreach (var consumer in js.ListConsumersAsync(options.StreamName))
        {
            left.Add(consumer.Info.Name);
        }

        Assert.Equal(["F_greet", "R_greet"], left.Order(StringComparer.Ordinal));
    }
}
