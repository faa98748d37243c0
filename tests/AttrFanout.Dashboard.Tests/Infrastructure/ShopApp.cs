using System.Net;
using AttrFanout;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shop.Services;

namespace AttrFanout.Dashboard.Tests.Infrastructure;

/// <summary>
/// The Dashboard sample, started by <see cref="WebApplicationFactory{TEntryPoint}"/> on its own SQLite file (deleted
/// afterwards), without demo orders, with the event keys <see cref="Key"/> and <see cref="RotatedKey"/>; on an in-memory
/// test server, or on a real Kestrel port (<see cref="StartKestrel"/>) for Node.js and the browser.
/// </summary>
public sealed class ShopApp : WebApplicationFactory<Program>
{
    public const string Key = "test-key-4f1c2a";
    public const string RotatedKey = "test-key-next-9b7e";

    private readonly string _directory = Directory.CreateTempSubdirectory("attrfanout-dashboard-").FullName;
    private readonly Dictionary<string, string?> _settings;
    private readonly IPAddress? _remoteAddress;

    /// <param name="settings">Configuration on top of the sample's appsettings.json.</param>
    /// <param name="remoteAddress">The remote address every request appears to come from (a test middleware sets it), or null for the real one.</param>
    public ShopApp(IReadOnlyDictionary<string, string?>? settings = null, IPAddress? remoteAddress = null)
    {
        _remoteAddress = remoteAddress;
        _settings = new(StringComparer.Ordinal)
        {
            ["ConnectionStrings:Shop"] = $"Data Source={Path.Combine(_directory, "shop.db")}",
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

    public IEventSender Sender => Services.GetRequiredService<IEventSender>();

    public IFunctionRuns Runs => Services.GetRequiredService<IFunctionRuns>();

    public ShopLog Log => Services.GetRequiredService<ShopLog>();

    public FunctionCatalog Catalog => Services.GetRequiredService<FunctionCatalog>();

    /// <summary>Starts the app on Kestrel at a free loopback port and returns its address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string StartKestrel(IPAddress? bindTo = null)
    {
        UseKestrel(o => o.Listen(bindTo ?? IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First().TrimEnd('/');
    }

    /// <summary>Waits, within a bound, for a run to end.</summary>
    public async Task<FunctionRun> WaitAsync(string runId)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await Runs.WaitForCompletionAsync(runId, bound.Token);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_remoteAddress is { } remote)
        {
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(remote)));
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
