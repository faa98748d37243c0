using System.Text;
using AttrFanout.Nats.Tests.Infrastructure;
using AttrFanout.Nats.Wire;

namespace AttrFanout.Nats.Tests.Store;

[Collection(NatsCollection.Name)]
public sealed class ReleasedDeliveriesTests(NatsServerFixture server)
{
    [Fact]
    public async Task A_run_held_but_never_started_when_its_store_closes_keeps_all_its_attempts()
    {
        var options = server.NewOptions();
        var catalog = TestStores.Catalog();
        var payload = Encoding.UTF8.GetBytes("""{"OrderId":"o-7","Amount":1}""");

        // reserve-stock has 3 attempts; each store pulls the run ahead and closes before starting it (a rolling restart).
        for (var restart = 0; restart < 3; restart++)
        {
            await using var holding = TestStores.New(options, catalog);
            if (restart == 0)
            {
                var session = await holding.OpenAsync(CancellationToken.None);
                await session.Publisher.PublishAsync(new WireEvent("evt-7", "shop/order.placed", DateTimeOffset.UnixEpoch, payload, null), CancellationToken.None);
            }

            Assert.True(await holding.WaitForRunAsync("reserve-stock", CancellationToken.None));
        }

        await using var store = TestStores.New(options, catalog);
        Assert.True(await store.WaitForRunAsync("reserve-stock", CancellationToken.None));
        var run = await store.TryTakeRunAsync("reserve-stock", CancellationToken.None);

        Assert.NotNull(run);
        Assert.Equal("evt-7", run.Event.Id);
        Assert.Equal(0, run.Attempts);
        Assert.Empty(await store.ListFailedAsync(new FailedRunQuery { FunctionId = "reserve-stock" }, CancellationToken.None));
    }
}
