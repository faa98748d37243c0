using System.Globalization;
using AttrFanout;
using AttrFanout.Sqlite.Tests.EngineWorker;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// send <db> <ledger> <prefix>: runs the engine and sends orders forever, printing "sent <id> ok" after each SendAsync returned.
// drain <db> <ledger> [leaseMs]: runs the engine until no run of the file is unfinished, prints "drained ok", stops gracefully.
// flow <db> <ledger> <announce|quiet>: like drain, with only the keyed function (KeyedJobs), its slots leased for 3 s.
// cancelon <db> <ledger>: like drain, with only the function another event cancels (CancelOnJobs), which waits for its token.
if (args is not [var mode, var database, var ledger, ..] || mode is not ("send" or "drain" or "flow" or "cancelon"))
{
    await Console.Error.WriteLineAsync("usage: send <db> <ledger> <prefix> | drain <db> <ledger> [leaseMs] | flow <db> <ledger> <announce|quiet> | cancelon <db> <ledger>");
    return 2;
}

Ledger.Path = ledger;
var services = new ServiceCollection();
if (mode == "flow")
{
    KeyedJobs.AnnounceStarts = args is [.., "announce"];
    AttrFanoutRegistration.AddAttrFanoutCore(services, [KeyedJobs.Module], o =>
    {
        o.FlowControlLease = TimeSpan.FromSeconds(3);
        o.UseSqlite($"Data Source={database}", s =>
        {
            s.LeaseDuration = TimeSpan.FromSeconds(3);
            s.PollInterval = TimeSpan.FromMilliseconds(100);
            s.MaxLeasesPerAttempt = 1000;
        });
    });
}
else if (mode == "cancelon")
{
    AttrFanoutRegistration.AddAttrFanoutCore(services, [CancelOnJobs.Module], o => o.UseSqlite($"Data Source={database}", s => s.PollInterval = TimeSpan.FromMilliseconds(100)));
}
else
{
    services.AddAttrFanout(o => o.UseSqlite($"Data Source={database}", s =>
    {
        s.LeaseDuration = TimeSpan.FromMilliseconds(mode == "drain" && args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1000);
        s.PollInterval = TimeSpan.FromMilliseconds(100);
        s.MaxLeasesPerAttempt = 1000;
    }));
}

await using var provider = services.BuildServiceProvider();
var hosted = provider.GetServices<IHostedService>().ToArray();
foreach (var service in hosted)
{
    await service.StartAsync(CancellationToken.None);
}

if (mode == "send")
{
    var sender = provider.GetRequiredService<IEventSender>();
    var prefix = args[3];
    for (var i = 0; ; i++)
    {
        var id = $"{prefix}-{i.ToString(CultureInfo.InvariantCulture)}";
        await sender.SendAsync(new OrderPlaced(i), new SendOptions { Id = id });
        Console.WriteLine($"sent {id} ok");
    }
}

var connectionString = $"Data Source={database}";
while (true)
{
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT COUNT(*) FROM runs WHERE status IN (0, 1)";
    if ((long)(await command.ExecuteScalarAsync())! == 0)
    {
        break;
    }

    await Task.Delay(TimeSpan.FromMilliseconds(50));
}

foreach (var service in hosted.Reverse())
{
    await service.StopAsync(CancellationToken.None);
}

Console.WriteLine("drained ok");
return 0;
