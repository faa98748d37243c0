using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>The Node.js example (samples/node-sender) sends events that an AttrFanout app on the same server runs.</summary>
[Collection(NatsCollection.Name)]
public sealed class NodeSenderTests(NatsServerFixture server)
{
    [Fact]
    public async Task An_event_the_Node_example_publishes_runs_every_function_with_its_payload_Id_and_time_once()
    {
        await using var app = NatsApp.Create(server);
        await app.BarrierAsync("before");
        var cartId = "cart-" + Guid.NewGuid().ToString("N");
        var eventId = "checkout-" + cartId;
        var data = $$"""{"cartId":"{{cartId}}","itemCount":2,"lines":[{"sku":"A-1","price":9.5},{"sku":"B-2","price":0.25}]}""";

        var sent = await NodeSender.SendAsync(Arguments(app, eventId, data, "2026-12-06T13:45:00.123Z"));
        var again = await NodeSender.SendAsync(Arguments(app, eventId, data.Replace("\"itemCount\":2", "\"itemCount\":3", StringComparison.Ordinal), "2026-12-06T13:46:00Z"));
        await app.Journal.WaitUntilAsync(() => CartFunctions.Ids.All(f => app.Journal.Of(f, cartId).Count > 0), "the cart in every function");
        await app.BarrierAsync("after");

        Assert.Equal(new SubjectLayout(app.Nats.SubjectPrefix).Event(CartCheckedOut.EventName), sent.Subject);
        Assert.Equal(app.Nats.SubjectPrefix + ".events.js.cart_2Echecked_5Fout", sent.Subject);
        Assert.Equal(app.Nats.StreamName, sent.Stream);
        Assert.False(sent.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(sent.Seq, again.Seq);
        foreach (var function in CartFunctions.Ids)
        {
            Assert.Equal(eventId, Assert.Single(app.Journal.Of(function, cartId)).EventId);
            var cart = CartFunctions.Received[(cartId, function)];
            Assert.Equal(eventId, cart.Id);
            Assert.Equal(CartCheckedOut.EventName, cart.Name);
            Assert.Equal(new DateTimeOffset(2026, 12, 6, 13, 45, 0, 123, TimeSpan.Zero), cart.Timestamp);
            Assert.Equal(2, cart.Data.ItemCount);
            Assert.Equal([new CartLine("A-1", 9.5m), new CartLine("B-2", 0.25m)], cart.Data.Lines);
        }
    }

    [Fact]
    public async Task An_event_the_Node_example_sends_without_a_time_runs_with_the_time_the_server_stored_it()
    {
        await using var app = NatsApp.Create(server);
        await app.BarrierAsync("before");
        var cartId = "cart-" + Guid.NewGuid().ToString("N");
        var data = $$"""{"cartId":"{{cartId}}","itemCount":0,"lines":[]}""";

        var before = DateTimeOffset.UtcNow;
        var sent = await NodeSender.SendAsync(Arguments(app, "untimed-" + cartId, data, "none"));
        var after = DateTimeOffset.UtcNow;
        await app.Journal.WaitUntilAsync(() => CartFunctions.Ids.All(f => app.Journal.Of(f, cartId).Count > 0), "the untimed cart in every function");

        Assert.False(sent.Duplicate);
        Assert.All(CartFunctions.Ids, f => Assert.InRange(CartFunctions.Received[(cartId, f)].Timestamp, before, after));
        Assert.Empty(await app.Runs.ListFailedAsync());
    }

    private static string[] Arguments(NatsApp app, string eventId, string data, string time) =>
    [
        "--server", app.Nats.Url,
        "--prefix", app.Nats.SubjectPrefix,
        "--stream", app.Nats.StreamName,
        "--event", CartCheckedOut.EventName,
        "--id", eventId,
        "--data", data,
        "--time", time,
    ];
}
