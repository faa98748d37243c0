using AttrFanout.Nats.Store;
using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.Store;

public sealed class StoreMappingTests
{
    [Fact]
    public void Run_ids_carry_the_stream_sequence_and_the_function()
    {
        var runId = RunIds.For(42, "send-email");
        Assert.Equal("42-send-email", runId);
        Assert.True(RunIds.TryParse(runId, out var sequence, out var functionId));
        Assert.Equal(42UL, sequence);
        Assert.Equal("send-email", functionId);
    }

    [Theory]
    [InlineData("0190a7c2e1f04b7d9a3e")]
    [InlineData("-send-email")]
    [InlineData("42-")]
    [InlineData("42-Send.Email")]
    [InlineData("x42-send")]
    public void Other_ids_are_not_first_delivery_run_ids(string runId) =>
        Assert.False(RunIds.TryParse(runId, out _, out _));

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
