using AttrFanout.Nats.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>One test's app: the test assembly's functions on the shared server, with the test's own streams.</summary>
internal sealed class NatsApp : IAsyncDisposable
{
    private NatsApp(ServiceProvider provider, NatsJetStreamOptions nats)
    {
        Provider = provider;
        Nats = nats;
    }

    public ServiceProvider Provider { get; }

    public NatsJetStreamOptions Nats { get; }

    public IEventSender Sender => Provider.GetRequiredService<IEventSender>();

    public IFunctionRuns Runs => Provider.GetRequiredService<IFunctionRuns>();

    public Journal Journal => Provider.GetRequiredService<Journal>();

    public static NatsApp Create(NatsServerFixture server, Action<AttrFanoutOptions>? configure = null, Action<NatsJetStreamOptions>? configureNats = null, ILoggerProvider? logs = null)
    {
        var nats = server.NewOptions();
        var services = new ServiceCollection()
            .AddLogging(logging =>
            {
                if (logs is not null)
                {
                    logging.AddProvider(logs);
                }

                if (Environment.GetEnvironmentVariable("NATS_TEST_LOGS") == "1")
                {
                    logging.AddConsole();
                }
            })
            .AddSingleton<Journal>()
            .AddAttrFanout(o =>
            {
                o.BaseRetryDelay = TimeSpan.FromMilliseconds(100);
                o.ShutdownTimeout = TimeSpan.FromSeconds(2);
                o.UseNatsJetStream(nats.Url, n =>
                {
                    n.UseStreamsOf(nats);
                    configureNats?.Invoke(n);
                });
                configure?.Invoke(o);
            });
        return new NatsApp(services.BuildServiceProvider(), nats);
    }

    public static readonly string[] OrderFunctions = ["charge-card", "send-receipt", "reserve-stock"];

    /// <summary>
    /// Sends another order and waits until every order function started it: each consumer delivers in stream order,
    /// so anything published before it has been taken by then.
    /// </summary>
    public async Task BarrierAsync(string tag)
    {
        await Sender.SendAsync(new OrderPlaced(tag, 0));
        await Journal.WaitUntilAsync(() => OrderFunctions.All(f => Journal.Of(f, tag).Count > 0), $"barrier {tag}");
    }

    /// <summary>Starts executing runs without sending, as a host would.</summary>
    public async Task StartAsync()
    {
        foreach (var service in Provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync() => await Provider.DisposeAsync();
}
