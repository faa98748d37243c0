using AttrFanout.Conformance;
using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>The shared several-triggers conformance suite on JetStream, and the function's two consumers shared by two instances.</summary>
[Collection(NatsCollection.Name)]
public sealed class NatsTriggerConformanceTests(NatsServerFixture server) : TriggerConformanceTests
{
    protected override ConformanceStore CreateStore() => new NatsConformanceTests.NatsConformanceStore(server.NewOptions());

    [Fact]
    public async Task Two_instances_share_the_runs_of_every_trigger_and_each_runs_once()
    {
        await using var store = CreateStore();
        await using var first = await store.StartAsync();
        await using var second = await store.StartAsync();
        var keys = Enumerable.Range(0, 6).Select(_ => NewKey()).ToArray();

        foreach (var (key, index) in keys.Select((k, i) => (k, i)))
        {
            var sender = index % 2 == 0 ? first.Sender : second.Sender;
            Assert.Equal([ConformanceFunctions.Greet], FunctionsOf(await sender.SendAsync(new ConformanceSignup(key))));
            Assert.Equal([ConformanceFunctions.Greet], FunctionsOf(await sender.SendAsync(new ConformanceReactivated(key, DaysAway: 1))));
        }

        await store.UntilAsync(
            () => Task.FromResult(keys.All(k =>
                ConformanceLog.AttemptsOf(k, RunOf(ConformanceSignup.EventName)).Length >= 1 &&
                ConformanceLog.AttemptsOf(k, RunOf(ConformanceReactivated.EventName)).Length >= 1)),
            "every trigger's runs ran");
        await first.StopAsync();
        await second.StopAsync();
        Assert.All(keys, k => Assert.Equal([1], ConformanceLog.AttemptsOf(k, RunOf(ConformanceSignup.EventName))));
        Assert.All(keys, k => Assert.Equal([1], ConformanceLog.AttemptsOf(k, RunOf(ConformanceReactivated.EventName))));
    }
}
