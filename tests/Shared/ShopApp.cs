using System.Net;
using AttrFanout;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shop.Events;
using Shop.Services;

namespace AttrFanout.TestSupport;

/// <summary>
/// The Dashboard sample, started by <see cref="WebApplicationFactory{TEntryPoint}"/> on its own SQLite file (deleted
/// afterwards), without demo orders, with the event keys <see cref="Key"/> and <see cref="RotatedKey"/>; on an in-memory
/// test server, or on a real Kestrel port (<see cref="StartKestrel"/>) for the tool, Node.js and the browser.
/// </summary>
public sealed class ShopApp : WebApplicationFactory<Program>
{
    public const string Key = "test-key-4f1c2a";
    public const string RotatedKey = "test-key-next-9b7e";

    private readonly string _directory = Directory.CreateTempSubdirectory("attrfanout-shop-").FullName;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="settings">Configuration on top of the sample's appsettings.json and these tests' defaults.</param>
    /// <param name="services">Changes to the app's services, e.g. another store or a test middleware.</param>
    public ShopApp(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        DatabasePath = Path.Combine(_directory, "shop.db");
        _settings = new(StringComparer.Ordinal)
        {
            ["ConnectionStrings:Shop"] = $"Data Source={DatabasePath}",
            ["Shop:DemoOrders"] = "false",
            ["Shop:WarehouseOutages"] = "0",
            ["AttrFanout:EventKeys:0"] = Key,
            ["AttrFanout:EventKeys:1"] = RotatedKey,
            ["AttrFanout:BaseRetryDelay"] = "00:00:00.010",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DatabasePath { get; }

    public IEventSender Sender => Services.GetRequiredService<IEventSender>();

    public IFunctionRuns Runs => Services.GetRequiredService<IFunctionRuns>();

    public ShopLog Log => Services.GetRequiredService<ShopLog>();

    public FunctionCatalog Catalog => Services.GetRequiredService<FunctionCatalog>();

    public WarehouseApi Warehouse => Services.GetRequiredService<WarehouseApi>();

    /// <summary>Starts the app on Kestrel at a free loopback port and returns its address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string StartKestrel(IPAddress? bindTo = null)
    {
        UseKestrel(o => o.Listen(bindTo ?? IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First().TrimEnd('/');
    }

    /// <summary>Sends an order through the app; returns the Id of its <c>notify-warehouse</c> run.</summary>
    public async Task<string> OrderAsync(string orderId)
    {
        var sent = await Sender.SendAsync(new OrderPlaced(orderId, "ada@example.com", 42m));
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

        if (_services is { } services)
        {
            builder.ConfigureServices(services);
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
