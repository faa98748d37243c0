using System.Text;
using AttrFanout.Nats.Store;
using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Tests.Infrastructure;
using AttrFanout.Nats.Wire;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>The event time of a message another producer published: its header, or the time the server stored it.</summary>
[Collection(NatsCollection.Name)]
public sealed class EventTimeTests(NatsServerFixture server)
{
    [Fact]
    public async Task A_message_with_a_malformed_event_time_is_dead_lettered_by_every_function_with_the_header_named()
    {
        await using var app = NatsApp.Create(server);
        await app.BarrierAsync("before");
        var headers = new NatsHeaders { [WireHeaders.MessageId] = "badly-timed-1", [WireHeaders.EventTime] = "06/12/2026 13:45" };
        await PublishAsync(app, """{"OrderId":"badly-timed","Amount":1}""", headers);

        var failed = await Eventually.PollAsync(
            () => app.Runs.ListFailedAsync().AsTask(),
            runs => runs.Count >= NatsApp.OrderFunctions.Length,
            "a dead letter per order function");

        Assert.Equal(NatsApp.OrderFunctions.Order(), failed.Select(r => r.FunctionId).Order());
        Assert.All(failed, r => Assert.Equal(typeof(InvalidMessageException).FullName, r.ErrorType));
        Assert.All(failed, r => Assert.Contains("malformed 'AttrFanout-Event-Time' header '06/12/2026 13:45'", r.ErrorMessage));
        Assert.All(failed, r => Assert.Equal("badly-timed-1", r.EventId));
        Assert.All(NatsApp.OrderFunctions, f => Assert.Empty(app.Journal.Of(f, "badly-timed")));
    }

    [Fact]
    public async Task A_message_without_an_event_time_runs_with_the_time_the_server_stored_it()
    {
        await using var app = NatsApp.Create(server);
        await app.BarrierAsync("before");
        var cartId = "cart-" + Guid.NewGuid().ToString("N");
        var headers = new NatsHeaders { [WireHeaders.MessageId] = "untimed-" + cartId };

        var before = DateTimeOffset.UtcNow;
        await PublishAsync(app, $$"""{"cartId":"{{cartId}}","itemCount":1,"lines":[]}""", headers, CartCheckedOut.EventName);
        var after = DateTimeOffset.UtcNow;
        await app.Journal.WaitUntilAsync(() => CartFunctions.Ids.All(f => app.Journal.Of(f, cartId).Count > 0), "the untimed cart in every function");

        Assert.All(CartFunctions.Ids, f => Assert.InRange(CartFunctions.Received[(cartId, f)].Timestamp, before, after));
        Assert.All(CartFunctions.Ids, f => Assert.Equal("untimed-" + cartId, CartFunctions.Received[(cartId, f)].Id));
    }

    private static async Task PublishAsync(NatsApp app, string body, NatsHeaders headers, string eventName = OrderPlaced.EventName)
    {
        await using var raw = new NatsConnection(new NatsOpts { Url = app.Nats.Url });
        var subject = new SubjectLayout(app.Nats.SubjectPrefix).Event(eventName);
        var ack = await new NatsJSContext(raw).PublishAsync(subject, Encoding.UTF8.GetBytes(body), NatsRawSerializer<byte[]>.Default, headers: headers);
        ack.EnsureSuccess();
    }
}
