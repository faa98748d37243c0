using AttrFanout.Nats.Store;
using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.Store;

public sealed class StoreMappingTests
{
    [Fact]
    public void Attempts_and_ack_wait_follow_the_function_settings()
    {
        var catalog = TestStores.Catalog();
        var fanout = new AttrFanoutOptions { DefaultRetries = 4 };
        fanout.Functions["charge-card"] = new FunctionOptions { Retries = 9, Timeout = TimeSpan.FromSeconds(5) };
        var nats = new NatsJetStreamOptions();

        var charge = FunctionSubscriptions.For(catalog.Functions.Single(f => f.Id == "charge-card"), fanout, nats);
        var stock = FunctionSubscriptions.For(catalog.Functions.Single(f => f.Id == "reserve-stock"), fanout, nats);
        var receipt = FunctionSubscriptions.For(catalog.Functions.Single(f => f.Id == "send-receipt"), fanout, nats);

        Assert.Equal((10, TimeSpan.FromSeconds(5)), (charge.Attempts, charge.AckWait));
        Assert.Equal((3, nats.AckWait), (stock.Attempts, stock.AckWait));
        Assert.Equal((5, nats.AckWait), (receipt.Attempts, receipt.AckWait));
        Assert.Equal("shop/order.placed", charge.EventName);
    }
}
