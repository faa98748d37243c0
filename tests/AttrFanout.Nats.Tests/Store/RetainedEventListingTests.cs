using System.Text;
using AttrFanout.Nats.Tests.Infrastructure;
using AttrFanout.Nats.Wire;

namespace AttrFanout.Nats.Tests.Store;

/// <summary>What JetStream can say of an event whose runs nobody has taken yet: the event, read from the stream; its runs, counted.</summary>
[Collection(NatsCollection.Name)]
public sealed class RetainedEventListingTests(NatsServerFixture server)
{
    [Fact]
    public async Task An_event_the_stream_retains_is_listed_and_its_runs_are_counted_not_listed()
    {
        var options = server.NewOptions();
        await using var store = TestStores.New(options, TestStores.Catalog());
        var session = await store.OpenAsync(CancellationToken.None);
        var timestamp = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var payload = Encoding.UTF8.GetBytes("""{"OrderId":"o-9","Amount":1}""");
        await session.Publisher.PublishAsync(new WireEvent("evt-retained", "shop/order.placed", timestamp, payload, null), CancellationToken.None);

        var events = await store.ListEventsAsync(new EventQuery { Name = "shop/order.placed" }, CancellationToken.None);
        var runs = await store.ListRunsAsync(new RunQuery { FunctionId = "reserve-stock" }, CancellationToken.None);
        var counts = await store.CountRunsAsync(CancellationToken.None);

        var listed = Assert.Single(events.Events);
        Assert.Equal(("evt-retained", timestamp), (listed.Id, listed.Timestamp));
        Assert.Contains(events.Incomplete, g => g.Kind == ListingGapKind.NotKept && g.Statuses.Contains(RunStatus.Pending));
        Assert.Empty(runs.Runs);
        Assert.Contains(runs.Incomplete, g => g.Kind is ListingGapKind.CountedNotListed or ListingGapKind.OtherProcesses && g.Reason.StartsWith("1 run", StringComparison.Ordinal));
        Assert.Contains(runs.Incomplete, g => g.Kind == ListingGapKind.NotKept && g.Statuses.Contains(RunStatus.Succeeded));
        var reserve = counts.Functions.Single(c => c.FunctionId == "reserve-stock");
        Assert.Equal(1, reserve.Pending + reserve.Running);
        Assert.Null(reserve.Succeeded);
    }
}
