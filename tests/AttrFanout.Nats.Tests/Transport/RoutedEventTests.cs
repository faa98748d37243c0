using System.Text;
using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Tests.Infrastructure;
using AttrFanout.Nats.Wire;
using NATS.Client.Core;

namespace AttrFanout.Nats.Tests.Transport;

[Collection(NatsCollection.Name)]
public sealed class RoutedEventTests(NatsServerFixture server)
{
    private static readonly DateTimeOffset EventTime = new(2026, 11, 28, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset StoredAt = new(2026, 11, 28, 9, 31, 5, TimeSpan.Zero);

    [Fact]
    public async Task Routing_an_ingress_message_again_after_a_redelivery_is_dropped_as_a_duplicate()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("bill", "order/paid", 1, TimeSpan.FromSeconds(30)), CancellationToken.None);
        var ingress = new NatsHeaders
        {
            [WireHeaders.MessageId] = "evt-1",
            [WireHeaders.EventTime] = HeaderText.Time(EventTime),
            ["Nats-Expected-Stream"] = "SOME-OTHER-STREAM",
        };

        var first = await nats.Publisher.PublishRoutedAsync("order/paid", 41, StoredAt, Encoding.UTF8.GetBytes("{}"), ingress, CancellationToken.None);
        var again = await nats.Publisher.PublishRoutedAsync("order/paid", 41, StoredAt, Encoding.UTF8.GetBytes("{}"), ingress, CancellationToken.None);
        var next = await nats.Publisher.PublishRoutedAsync("order/paid", 42, StoredAt, Encoding.UTF8.GetBytes("{}"), ingress, CancellationToken.None);

        Assert.False(first.IsDuplicate);
        Assert.True(again.IsDuplicate);
        Assert.False(next.IsDuplicate);
        Assert.Equal(2, await nats.StreamMessagesAsync(nats.Options.StreamName));
    }

    [Fact]
    public async Task An_event_Id_sent_to_the_ingress_subject_is_a_duplicate_on_the_routed_subject()
    {
        await using var nats = await JetStreamHarness.StartAsync(server);
        await nats.Provisioner.EnsureIntakeAsync(CancellationToken.None);
        await nats.Provisioner.EnsureFunctionAsync(new FunctionSubscription("bill", "order/paid", 1, TimeSpan.FromSeconds(30)), CancellationToken.None);
        var headers = new NatsHeaders { [WireHeaders.MessageId] = "evt-9", [WireHeaders.EventTime] = HeaderText.Time(EventTime) };
        await new NATS.Client.JetStream.NatsJSContext(nats.Connection).PublishAsync(nats.Subjects.Event("order/paid"), Encoding.UTF8.GetBytes("{}"), NatsRawSerializer<byte[]>.Default, headers: headers);

        var repeat = await nats.Publisher.PublishAsync(WireEvents.Create("order/paid", "evt-9"), CancellationToken.None);

        Assert.True(repeat.IsDuplicate);
    }

    [Fact]
    public void A_routed_event_keeps_the_producers_event_Id_time_and_trace()
    {
        var layout = new SubjectLayout("shop");
        var ingress = new NatsHeaders
        {
            [WireHeaders.MessageId] = "evt-1",
            [WireHeaders.EventTime] = HeaderText.Time(EventTime),
            ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            ["tracestate"] = "rojo=00f067aa0ba902b7",
            ["baggage"] = "tenant=t-1",
        };

        var headers = WireEventWriter.RoutedHeaders(ingress, 41, StoredAt);

        Assert.Equal("ingress-41", HeaderText.Get(headers, WireHeaders.MessageId));
        Assert.True(new WireEventReader(layout).TryRead(layout.Routed("order/paid"), headers, [], StoredAt, out var wireEvent, out var error), error);
        Assert.Equal("evt-1", wireEvent.Id);
        Assert.Equal("order/paid", wireEvent.Name);
        Assert.Equal(EventTime, wireEvent.Timestamp);
        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", wireEvent.Trace?["traceparent"]);
        Assert.Equal("rojo=00f067aa0ba902b7", wireEvent.Trace?["tracestate"]);
        Assert.Equal("tenant=t-1", wireEvent.Trace?["baggage"]);
    }

    [Fact]
    public void A_routed_event_whose_producer_gave_no_message_Id_carries_no_event_Id()
    {
        var layout = new SubjectLayout("shop");
        var ingress = new NatsHeaders { [WireHeaders.EventTime] = HeaderText.Time(EventTime) };

        var headers = WireEventWriter.RoutedHeaders(ingress, 41, StoredAt);

        Assert.False(new WireEventReader(layout).TryRead(layout.Routed("order/paid"), headers, [], StoredAt, out _, out var error));
        Assert.Contains("no 'Nats-Msg-Id' header", error);
    }

    [Fact]
    public void A_routed_event_whose_producer_gave_no_time_carries_the_time_the_server_stored_the_producers_message()
    {
        var layout = new SubjectLayout("shop");
        var ingress = new NatsHeaders { [WireHeaders.MessageId] = "evt-3" };

        var headers = WireEventWriter.RoutedHeaders(ingress, 41, StoredAt);

        var routedStoredAt = StoredAt.AddMilliseconds(3);
        Assert.True(new WireEventReader(layout).TryRead(layout.Routed("order/paid"), headers, [], routedStoredAt, out var wireEvent, out var error), error);
        Assert.Equal(StoredAt, wireEvent.Timestamp);
    }

    [Fact]
    public void A_routed_event_keeps_a_malformed_producer_time_for_its_functions_to_dead_letter()
    {
        var layout = new SubjectLayout("shop");
        var ingress = new NatsHeaders { [WireHeaders.MessageId] = "evt-4", [WireHeaders.EventTime] = "yesterday" };

        var headers = WireEventWriter.RoutedHeaders(ingress, 41, StoredAt);

        Assert.Equal("yesterday", HeaderText.Get(headers, WireHeaders.EventTime));
        Assert.False(new WireEventReader(layout).TryRead(layout.Routed("order/paid"), headers, [], StoredAt, out _, out var error));
        Assert.Contains("malformed 'AttrFanout-Event-Time' header 'yesterday'", error);
    }
}
