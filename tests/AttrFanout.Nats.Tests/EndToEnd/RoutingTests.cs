using System.Text;
using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Tests.Infrastructure;
using AttrFanout.Nats.Wire;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Tests.EndToEnd;

[Collection(NatsCollection.Name)]
public sealed class RoutingTests(NatsServerFixture server)
{
    [Fact]
    public async Task Events_an_app_sends_to_its_functions_never_pass_through_the_intake()
    {
        await using var app = NatsApp.Create(server);
        await app.BarrierAsync("direct");
        await using var connection = new NatsConnection(new NatsOpts { Url = app.Nats.Url });
        var js = new NatsJSContext(connection);

        var intake = await js.GetConsumerAsync(app.Nats.StreamName, ConsumerNames.Intake);

        Assert.Equal(0ul, intake.Info.Delivered.ConsumerSeq);
        Assert.All(NatsApp.OrderFunctions, f => Assert.Single(app.Journal.Of(f, "direct")));
    }

    [Fact]
    public async Task An_event_another_producer_publishes_to_its_ingress_subject_runs_each_function_once()
    {
        await using var app = NatsApp.Create(server);
        await app.BarrierAsync("before");
        await using var raw = new NatsConnection(new NatsOpts { Url = app.Nats.Url });
        var headers = new NatsHeaders
        {
            [WireHeaders.MessageId] = "foreign-1",
            [WireHeaders.EventTime] = HeaderText.Time(DateTimeOffset.UnixEpoch),
        };

        var subject = new SubjectLayout(app.Nats.SubjectPrefix).Event(OrderPlaced.EventName);
        await new NatsJSContext(raw).PublishAsync(subject, Encoding.UTF8.GetBytes("""{"OrderId":"foreign-order","Amount":3}"""), NatsRawSerializer<byte[]>.Default, headers: headers);
        await app.Journal.WaitUntilAsync(() => NatsApp.OrderFunctions.All(f => app.Journal.Of(f, "foreign-order").Count > 0), "the foreign order in every function");
        await app.BarrierAsync("after");

        Assert.All(NatsApp.OrderFunctions, f => Assert.Equal("foreign-1", Assert.Single(app.Journal.Of(f, "foreign-order")).EventId));
    }
}
