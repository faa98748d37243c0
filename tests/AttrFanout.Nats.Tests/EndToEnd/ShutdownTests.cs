using AttrFanout.Nats.Tests.Infrastructure;

namespace AttrFanout.Nats.Tests.EndToEnd;

[Collection(NatsCollection.Name)]
public sealed class ShutdownTests(NatsServerFixture server)
{
    [Fact]
    public async Task A_run_interrupted_by_shutdown_resumes_in_another_app_without_losing_an_attempt()
    {
        var first = NatsApp.Create(server, o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(200));
        first.Journal.Work["send-receipt"] = TimeSpan.FromMinutes(5);
        await first.Sender.SendAsync(new OrderPlaced("o-s1", 1));
        await first.Journal.WaitUntilAsync(() => first.Journal.Started.Any(s => s is ("send-receipt", "o-s1", _)), "the long attempt to start");
        var firstJournal = first.Journal;
        var runId = first.Journal.Started.Single(s => s is ("send-receipt", "o-s1", _)).RunId;

        await first.DisposeAsync();

        await using var second = await StartOnTheSameStreamsAsync(first);
        await second.Journal.WaitUntilAsync(() => second.Journal.Of("send-receipt", "o-s1").Any(a => a.Succeeded), "the run to resume");
        var resumed = Assert.Single(second.Journal.Of("send-receipt", "o-s1"));
        Assert.Equal(runId, resumed.RunId);
        Assert.Equal(1, resumed.Number);
        Assert.Empty(firstJournal.Of("send-receipt", "o-s1"));
    }

    [Fact]
    public async Task Every_function_of_an_event_interrupted_by_one_stop_resumes_in_another_app()
    {
        var first = NatsApp.Create(server, o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(200));
        foreach (var function in NatsApp.OrderFunctions)
        {
            first.Journal.Work[function] = TimeSpan.FromMinutes(5);
        }

        await first.Sender.SendAsync(new OrderPlaced("o-s2", 1));
        await first.Journal.WaitUntilAsync(() => NatsApp.OrderFunctions.All(f => first.Journal.Started.Any(s => s.FunctionId == f && s.Subject == "o-s2")), "every long attempt to start");
        var runIds = NatsApp.OrderFunctions.ToDictionary(f => f, f => first.Journal.Started.Single(s => s.FunctionId == f && s.Subject == "o-s2").RunId);

        await first.DisposeAsync();

        await using var second = await StartOnTheSameStreamsAsync(first);
        await second.Journal.WaitUntilAsync(() => NatsApp.OrderFunctions.All(f => second.Journal.Of(f, "o-s2").Any(a => a.Succeeded)), "every run to resume");
        foreach (var function in NatsApp.OrderFunctions)
        {
            var resumed = Assert.Single(second.Journal.Of(function, "o-s2"));
            Assert.Equal(runIds[function], resumed.RunId);
            Assert.Equal(1, resumed.Number);
        }
    }

    /// <summary>Starts another app on the streams of <paramref name="first"/>, as the next instance of a deployment would.</summary>
    private async Task<NatsApp> StartOnTheSameStreamsAsync(NatsApp first)
    {
        var next = NatsApp.Create(server, configureNats: n => n.UseStreamsOf(first.Nats));
        await next.StartAsync();
        return next;
    }
}
