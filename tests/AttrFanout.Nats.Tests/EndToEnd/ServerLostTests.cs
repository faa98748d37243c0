using AttrFanout.Nats.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Nats.Tests.EndToEnd;

public sealed class ServerLostTests
{
    [Fact]
    public async Task A_connected_server_that_goes_down_for_a_while_costs_a_line_or_two_not_a_stack_trace_per_second_and_runs_resume()
    {
        await using var server = new RestartableServer();
        await server.StartAsync();
        var logs = new CapturedLogs(LogLevel.Warning);
        await using var app = NatsApp.Create(new NatsServerFixture(), configureNats: n =>
        {
            n.Url = server.Url;
            n.Storage = NatsStorage.File;
        }, logs: logs);
        await app.BarrierAsync("up");

        await server.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(8));
        await server.StartAsync();
        await Eventually.PollAsync(
            async () =>
            {
                try
                {
                    await app.Sender.SendAsync(new OrderPlaced("reconnected", 1));
                    return true;
                }
                catch (Exception)
                {
                    return false; // the client is still reconnecting
                }
            },
            sent => sent,
            "a send once the client reconnected");
        await app.BarrierAsync("again");

        var lines = string.Join(Environment.NewLine, logs.Lines);
        Assert.True(logs.Entries.Count <= 3, lines);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error || e.Error is not null);
    }
}
