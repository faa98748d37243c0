using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.EndToEnd;

[Collection(NatsCollection.Name)]
public sealed class DisposalTests(NatsServerFixture server)
{
    [Fact]
    public async Task A_container_disposed_synchronously_closes_the_store_and_another_app_takes_over()
    {
        var first = NatsApp.Create(server);
        await first.Sender.SendAsync(new OrderPlaced("o-d1", 1));
        await first.Journal.WaitUntilAsync(() => NatsApp.OrderFunctions.All(f => first.Journal.Of(f, "o-d1").Count > 0), "the first app's runs");

        first.Provider.Dispose();

        await using var second = NatsApp.Create(server, configureNats: n =>
        {
            n.StreamName = first.Nats.StreamName;
            n.DeadLetterStreamName = first.Nats.DeadLetterStreamName;
            n.SubjectPrefix = first.Nats.SubjectPrefix;
        });
        await second.BarrierAsync("o-d2");
        Assert.All(NatsApp.OrderFunctions, f => Assert.Empty(second.Journal.Of(f, "o-d1")));
    }
}
