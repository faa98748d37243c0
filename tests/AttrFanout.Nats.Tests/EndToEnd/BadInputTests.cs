using System.Text;
using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Tests.Infrastructure;
using AttrFanout.Nats.Wire;
using NATS.Client.Core;

namespace AttrFanout.Nats.Tests.EndToEnd;

[Collection(NatsCollection.Name)]
public sealed class BadInputTests(NatsServerFixture server)
{
    [Fact]
    public async Task Garbage_on_the_stream_is_dead_lettered_with_a_clear_error_and_workers_keep_going()
    {
        await using var app = NatsApp.Create(server);
        await app.BarrierAsync("before");
        var audited = await app.Sender.SendAsync(new OrderAudited("a-1"));
        Assert.Empty(audited.RunIds);
        var subjects = new SubjectLayout(app.Nats.SubjectPrefix);
        await using var raw = new NatsConnection(new NatsOpts { Url = app.Nats.Url });
        var headers = new NatsHeaders
        {
            [WireHeaders.MessageId] = "garbage-1",
            [WireHeaders.EventTime] = HeaderText.Time(DateTimeOffset.UnixEpoch),
        };

        await raw.PublishAsync(subjects.Event(OrderPlaced.EventName), Encoding.UTF8.GetBytes("\u0001not json"), headers);
        await raw.PublishAsync(subjects.Event(OrderPlaced.EventName), Encoding.UTF8.GetBytes("{\"OrderId\":\"x\"}"));
        var unknownHeaders = new NatsHeaders
        {
            [WireHeaders.MessageId] = "unknown-1",
            [WireHeaders.EventTime] = HeaderText.Time(DateTimeOffset.UnixEpoch),
        };
        await raw.PublishAsync($"{app.Nats.SubjectPrefix}.events.nobody.listens", Encoding.UTF8.GetBytes("{}"), unknownHeaders);
        await raw.PublishAsync($"{app.Nats.SubjectPrefix}.events.bad_zz", Encoding.UTF8.GetBytes("{}"));
        await app.BarrierAsync("after");

        var failed = await Eventually.PollAsync(
            () => app.Runs.ListFailedAsync().AsTask(),
            runs => runs.Count >= 8,
            "8 dead letters");
        Assert.Equal(8, failed.Count);

        var unreadable = failed.Where(r => r.ErrorType == typeof(PayloadSerializationException).FullName).ToArray();
        Assert.Equal(NatsApp.OrderFunctions.Order(), unreadable.Select(r => r.FunctionId).Order());
        Assert.All(unreadable, r => Assert.Contains("shop/order.placed", r.ErrorMessage));
        Assert.All(unreadable, r => Assert.Equal("garbage-1", r.EventId));

        var headerless = failed.Where(r => r.ErrorType == typeof(AttrFanout.Nats.Store.InvalidMessageException).FullName).ToArray();
        Assert.Equal(NatsApp.OrderFunctions.Order(), headerless.Select(r => r.FunctionId).Order());
        Assert.All(headerless, r => Assert.Contains("no 'Nats-Msg-Id' header", r.ErrorMessage));

        var unroutable = failed.Where(r => r.FunctionId == SubjectLayout.UnroutableToken).OrderBy(r => r.ErrorMessage).ToArray();
        Assert.Equal(2, unroutable.Length);
        Assert.Contains("No function subscribes to the event 'nobody/listens'", unroutable[0].ErrorMessage);
        Assert.Contains("does not encode an event name", unroutable[1].ErrorMessage);

        // Every run failed, each through the engine: one failure event per function and cause.
        await app.Journal.WaitUntilAsync(() => app.Journal.Failures.Count >= 6, "six failure events");
        Assert.Equal(3, app.Journal.Failures.Count(f => f.EventId == "garbage-1"));
        Assert.Equal(3, app.Journal.Failures.Count(f => f.ErrorType == typeof(AttrFanout.Nats.Store.InvalidMessageException).FullName));
        Assert.All(NatsApp.OrderFunctions, f => Assert.Single(app.Journal.Of(f, "after")));
    }
}
