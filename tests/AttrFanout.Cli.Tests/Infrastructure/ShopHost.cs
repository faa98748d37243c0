using System.Net;
using AttrFanout.Nats;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shop.Events;
using Shop.Services;

namespace AttrFanout.Cli.Tests.Infrastructure;

/// <summary>
/// The Dashboard sample as a real app for the tool to work on: on its own SQLite file (deleted afterwards), or on a NATS
/// stream; its warehouse down for its first three calls, so an order's <c>notify-warehouse</c> run fails for good and a
/// replay succeeds.
/// </summary>
public sealed class ShopHost : WebApplicationFactory<Program>
{
    public const string Key = "cli-test-key-7d2e";

    private readonly string _directory = Directory.CreateTempSubdirectory("attrfanout-cli-").FullName;
    private readonly Dictionary<string, string?> _settings;
    private readonly NatsJetStreamOptions? _nats;

    /// <param name="retryDelay">The base delay between attempts.</param>
    /// <param name="nats">The NATS stream to run on instead of the SQLite file.</param>
    public ShopHost(TimeSpan? retryDelay = null, NatsJetStreamOptions? nats = null)
    {
        _nats = nats;
        DatabasePath = Path.Combine(_directory, "shop.db");
        _settings = new(StringComparer.Ordinal)
        {
            ["ConnectionStrings:Shop"] = $"Data Source={DatabasePath}",
            ["Shop:DemoOrders"] = "false",
            ["Shop:WarehouseOutages"] = "3",
            ["AttrFanout:EventKeys:0"] = Key,
            ["AttrFanout:BaseRetryDelay"] = (retryDelay ?? TimeSpan.FromMilliseconds(10)).ToString("c"),
            ["AttrFanout:MaxRetryDelay"] = (retryDelay ?? TimeSpan.FromMinutes(5)).ToString("c"),
            ["AttrFanout:Sqlite:PollInterval"] = "00:00:00.100",
            ["Logging:LogLevel:Default"] = "Warning",
        };
    }

    public string DatabasePath { get; }

    public IFunctionRuns Runs => Services.GetRequiredService<IFunctionRuns>();

    public WarehouseApi Warehouse => Services.GetRequiredService<WarehouseApi>();

    /// <summary>Starts the app on Kestrel at a free loopback port; returns its address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string StartKestrel()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>Sends an order through the app; returns the Id of its <c>notify-warehouse</c> run.</summary>
    public async Task<string> OrderAsync(string orderId)
    {
        var sent = await Services.GetRequiredService<IEventSender>().SendAsync(new OrderPlaced(orderId, "ada@example.com", 42m));
        return sent.RunIds.Single(static id => id.EndsWith("-notify-warehouse", StringComparison.Ordinal));
    }

    /// <summary>Waits, within a bound, for a run to end.</summary>
    public async Task<FunctionRun> WaitAsync(string runId)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await Runs.WaitForCompletionAsync(runId, bound.Token);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_nats is { } nats)
        {
            builder.ConfigureServices(services => services.PostConfigure<AttrFanoutOptions>(o => o.UseNatsJetStream(nats.Url, n =>
            {
                n.StreamName = nats.StreamName;
                n.DeadLetterStreamName = nats.DeadLetterStreamName;
                n.SubjectPrefix = nats.SubjectPrefix;
                n.Storage = NatsStorage.Memory;
                n.FetchExpiry = TimeSpan.FromSeconds(2);
            })));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
