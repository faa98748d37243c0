using AttrFanout.Nats.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Nats.Tests.EndToEnd;

[Collection(NatsCollection.Name)]
public sealed class HostStopTests(NatsServerFixture server)
{
    [Fact]
    public async Task A_normal_host_stop_logs_no_error()
    {
        var logs = new CapturedLogs(LogLevel.Warning);
        var nats = server.NewOptions();
        for (var round = 0; round < 3; round++)
        {
            using var host = BuildHost(nats, logs);
            await host.StartAsync();
            var journal = host.Services.GetRequiredService<Journal>();
            var sender = host.Services.GetRequiredService<IEventSender>();
            await sender.SendAsync(new OrderPlaced($"stop-{round}", 1));
            await journal.WaitUntilAsync(() => NatsApp.OrderFunctions.All(f => journal.Of(f, $"stop-{round}").Count > 0), "the order's runs");

            // Stop while runs and intake messages are in flight, and while the intake waits on the server.
            await Task.WhenAll(Enumerable.Range(0, 20).Select(i => sender.SendAsync(new OrderPlaced($"stop-{round}-{i}", 1)).AsTask()));
            await sender.SendAsync(new OrderAudited($"audit-{round}"));
            await host.StopAsync();
        }

        // A host started and stopped at once.
        using (var quick = BuildHost(nats, logs))
        {
            await quick.StartAsync();
            await quick.StopAsync();
        }

        Assert.True(!logs.Entries.Any(e => e.Level >= LogLevel.Error || e.Error is ObjectDisposedException), string.Join(Environment.NewLine, logs.Lines));
    }

    private static IHost BuildHost(NatsJetStreamOptions nats, CapturedLogs logs)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddSingleton<Journal>();
        builder.Services.AddAttrFanout(o => o.UseNatsJetStream(nats.Url, n => n.UseStreamsOf(nats)));
        return builder.Build();
    }
}
