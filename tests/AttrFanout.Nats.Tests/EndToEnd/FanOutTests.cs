using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.EndToEnd;

[Collection(NatsCollection.Name)]
public sealed class FanOutTests(NatsServerFixture server)
{
    [Fact]
    public async Task One_event_runs_each_of_three_functions_once()
    {
        await using var app = NatsApp.Create(server);

        var sent = await app.Sender.SendAsync(new OrderPlaced("o-1", 30));

        Assert.False(sent.IsDuplicate);
        Assert.Equal(3, sent.RunIds.Count);
        await app.Journal.WaitUntilAsync(() => NatsApp.OrderFunctions.All(f => app.Journal.Of(f, "o-1").Count > 0), "three runs");
        await app.BarrierAsync("after-o-1");
        foreach (var function in NatsApp.OrderFunctions)
        {
            var attempt = Assert.Single(app.Journal.Of(function, "o-1"));
            Assert.Equal(sent.EventId, attempt.EventId);
            Assert.Contains(attempt.RunId, sent.RunIds);
            Assert.Equal(1, attempt.Number);
        }
    }

    [Fact]
    public async Task A_failing_function_retries_through_the_server_without_rerunning_its_siblings()
    {
        await using var app = NatsApp.Create(server);
        app.Journal.FailFirst["charge-card"] = 2;

        await app.Sender.SendAsync(new OrderPlaced("o-2", 10));

        await app.Journal.WaitUntilAsync(() => app.Journal.Of("charge-card", "o-2").Any(a => a.Succeeded), "charge-card to succeed");
        await app.BarrierAsync("after-o-2");
        Assert.Equal([1, 2, 3], app.Journal.Of("charge-card", "o-2").Select(a => a.Number));
        Assert.Equal([false, false, true], app.Journal.Of("charge-card", "o-2").Select(a => a.Succeeded));
        Assert.Single(app.Journal.Of("send-receipt", "o-2"));
        Assert.Single(app.Journal.Of("reserve-stock", "o-2"));
        Assert.Empty(await app.Runs.ListFailedAsync());
    }

    [Fact]
    public async Task A_retry_after_delay_is_honoured_by_the_server()
    {
        await using var app = NatsApp.Create(server);
        app.Journal.FailFirst["send-receipt"] = 1;
        app.Journal.RetryAfter["send-receipt"] = TimeSpan.FromMilliseconds(300);

        await app.Sender.SendAsync(new OrderPlaced("o-3", 10));

        await app.Journal.WaitUntilAsync(() => app.Journal.Of("send-receipt", "o-3").Any(a => a.Succeeded), "send-receipt to succeed");
        Assert.Equal([1, 2], app.Journal.Of("send-receipt", "o-3").Select(a => a.Number));
    }

    [Fact]
    public async Task The_same_event_id_sent_twice_runs_each_function_once()
    {
        await using var app = NatsApp.Create(server, o => o.IdempotencyWindow = TimeSpan.FromHours(3));

        var first = await app.Sender.SendAsync(new OrderPlaced("o-4", 10), new SendOptions { Id = "order-4" });
        var second = await app.Sender.SendAsync(new OrderPlaced("o-4", 10), new SendOptions { Id = "order-4" });

        Assert.False(first.IsDuplicate);
        Assert.True(second.IsDuplicate);
        Assert.Equal(first.RunIds, second.RunIds);
        await app.Journal.WaitUntilAsync(() => NatsApp.OrderFunctions.All(f => app.Journal.Of(f, "o-4").Count > 0), "three runs");
        await app.BarrierAsync("after-o-4");
        Assert.All(NatsApp.OrderFunctions, f => Assert.Single(app.Journal.Of(f, "o-4")));

        await using var connection = new NATS.Client.Core.NatsConnection(new NATS.Client.Core.NatsOpts { Url = app.Nats.Url });
        var stream = await new NATS.Client.JetStream.NatsJSContext(connection).GetStreamAsync(app.Nats.StreamName);
        Assert.Equal(TimeSpan.FromHours(3), stream.Info.Config.DuplicateWindow);
    }
}
