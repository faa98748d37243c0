using AttrFanout.Conformance;
using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Store;
using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.Store;

/// <summary>A function with several triggers: one consumer per trigger subject, the first keeping the name a one-trigger function has.</summary>
public sealed class TriggerConsumerTests
{
    [Fact]
    public void The_first_trigger_keeps_the_function_consumer_and_a_later_one_gets_its_own_on_its_subject()
    {
        var catalog = TestStores.Catalog();
        var nats = new NatsJetStreamOptions();
        var topology = new JetStreamTopology(nats, new SubjectLayout(nats.SubjectPrefix));
        var greet = catalog.Functions.Single(f => f.Id == ConformanceFunctions.Greet);

        var subscription = FunctionSubscriptions.For(greet, new AttrFanoutOptions(), nats, catalog.GetTriggers(greet.Id));
        var consumers = topology.TriggerConsumers(subscription).ToArray();

        Assert.Equal([ConformanceSignup.EventName, ConformanceReactivated.EventName], subscription.TriggerEvents);
        Assert.Equal("F_" + greet.Id, consumers[0].Name);
        Assert.Equal(subscription.TriggerConsumers, consumers.Select(static c => c.Name!));
        Assert.StartsWith("F_" + greet.Id + "_T", consumers[1].Name!, StringComparison.Ordinal);
        Assert.Equal(topology.FunctionConsumer(subscription).Name, consumers[0].Name);
        Assert.Equal(
            [new SubjectLayout(nats.SubjectPrefix).Routed(ConformanceSignup.EventName), new SubjectLayout(nats.SubjectPrefix).Routed(ConformanceReactivated.EventName)],
            consumers.Select(static c => c.FilterSubject!));
        Assert.Equal(greet.Id, ConsumerOwners.FunctionOf(consumers[1].Name!));
        Assert.True(ConsumerOwners.IsTriggerConsumer(consumers[1].Name!));
        Assert.False(ConsumerOwners.IsTriggerConsumer(consumers[0].Name!));
    }

    [Fact]
    public void A_function_with_one_trigger_has_the_consumer_it_always_had()
    {
        var catalog = TestStores.Catalog();
        var nats = new NatsJetStreamOptions();
        var topology = new JetStreamTopology(nats, new SubjectLayout(nats.SubjectPrefix));
        var charge = catalog.Functions.Single(f => f.Id == "charge-card");

        var subscription = FunctionSubscriptions.For(charge, new AttrFanoutOptions(), nats, catalog.GetTriggers(charge.Id));

        Assert.Equal(["F_charge-card"], topology.TriggerConsumers(subscription).Select(static c => c.Name!));
        Assert.Equal("charge-card", ConsumerOwners.FunctionOf("F_charge-card"));
        Assert.Equal("charge-card", ConsumerOwners.FunctionOf("R_charge-card"));
    }

    [Fact]
    public void A_later_trigger_consumer_is_named_by_its_event_not_its_position()
    {
        Assert.Equal(ConsumerNames.Trigger("greet", "user/reactivated", 1), ConsumerNames.Trigger("greet", "user/reactivated", 2));
        Assert.NotEqual(ConsumerNames.Trigger("greet", "user/reactivated", 1), ConsumerNames.Trigger("greet", "user/returned", 1));
        Assert.Equal("F_greet", ConsumerNames.Trigger("greet", "user/signup", 0));
    }
}
