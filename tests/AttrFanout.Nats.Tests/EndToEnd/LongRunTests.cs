using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.EndToEnd;

[Collection(NatsCollection.Name)]
public sealed class LongRunTests(NatsServerFixture server)
{
    [Fact]
    public async Task A_run_longer_than_the_ack_wait_keeps_its_delivery_through_in_progress_acks()
    {
        await using var app = NatsApp.Create(server, configureNats: n => n.AckWait = TimeSpan.FromSeconds(2));
        app.Journal.Work["send-receipt"] = TimeSpan.FromSeconds(5);

        await app.Sender.SendAsync(new OrderPlaced("o-long", 10));

        await app.Journal.WaitUntilAsync(() => app.Journal.Of("send-receipt", "o-long").Any(a => a.Succeeded), "the long run to finish");
        await app.BarrierAsync("after-long");
        var attempt = Assert.Single(app.Journal.Of("send-receipt", "o-long"));
        Assert.Equal(1, attempt.Number);
    }
}
