using System.Text;
using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Store;
using AttrFanout.Nats.Tests.Infrastructure;
using AttrFanout.Nats.Wire;
using AttrFanout.Stores;

namespace AttrFanout.Nats.Tests.Store;

[Collection(NatsCollection.Name)]
public sealed class ExhaustedDeliveriesTests(NatsServerFixture server)
{
    [Fact]
    public async Task A_run_whose_every_delivery_went_unanswered_is_dead_lettered_on_the_extra_delivery()
    {
        var options = server.NewOptions();
        options.AckWait = TimeSpan.FromSeconds(1);
        await using var store = TestStores.New(options, TestStores.Catalog());
        var session = await store.OpenAsync(CancellationToken.None);

        var payload = Encoding.UTF8.GetBytes("""{"OrderId":"o-9","Amount":1}""");
        var published = await session.Publisher
            .PublishAsync(new WireEvent("evt-9", "shop/order.placed", DateTimeOffset.UnixEpoch, payload, null), CancellationToken.None);

        var crashing = new DurableConsumer(session.Js, options.StreamName, ConsumerNames.Function("reserve-stock"));
        for (var delivery = 1; delivery <= 3; delivery++)
        {
            var unanswered = Assert.Single(await crashing.FetchAsync(1, TimeSpan.FromSeconds(5), CancellationToken.None));
            Assert.Equal(delivery, unanswered.DeliveryCount);
        }

        // The store hands the run to the engine poisoned; the engine's outcome dead-letters it.
        Assert.True(await store.WaitForRunAsync("reserve-stock", CancellationToken.None));
        var poisoned = await store.TryTakeRunAsync("reserve-stock", CancellationToken.None);
        Assert.NotNull(poisoned);
        var cause = Assert.IsType<TimeoutException>(poisoned.Poison);
        Assert.Equal(2, poisoned.Attempts);
        await store.ReportAsync(RunOutcome.Failed(poisoned.RunId, poisoned.Attempts + 1, DateTimeOffset.UtcNow, cause), CancellationToken.None);

        var failed = Assert.Single(await store.ListFailedAsync(new FailedRunQuery { FunctionId = "reserve-stock" }, CancellationToken.None));
        Assert.Equal(RunIds.For(published.Sequence, "reserve-stock"), failed.RunId);
        Assert.Equal("evt-9", failed.EventId);
        Assert.Equal(typeof(TimeoutException).FullName, failed.ErrorType);
        Assert.Contains("no outcome in its 3 attempt(s)", failed.ErrorMessage);
        Assert.Empty(await crashing.FetchAsync(1, TimeSpan.FromSeconds(2), CancellationToken.None));
    }
}
