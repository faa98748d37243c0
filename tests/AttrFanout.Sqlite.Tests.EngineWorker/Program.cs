using System.Globalization;
using AttrFanout;
using AttrFanout.Sqlite.Tests.EngineWorker;
using AttrFanout.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// send <db> <ledger> <prefix>: runs the engine and sends orders forever, printing "sent <id> ok" after each SendAsync returned.
// drain <db> <ledger> [leaseMs]: runs the engine until no run of the file is unfinished, prints "drained ok", stops gracefully.
// flow <db> <ledger> <announce|quiet>: like drain, with only the keyed function (KeyedJobs), its slots leased for 3 s.
// cancelon <db> <ledger>: like drain, with only the function another event cancels (CancelOnJobs), which waits for its token.
// hold <db> <ledger>: with only the debounced and batched functions (HeldFunctions, 8 s), each appending
//   "ran {function} {event Ids, comma-separated} {run} {process}" to the ledger, sends a burst of three edits and two clicks,
//   prints "held ok" once both holds are in the file, then runs until killed.
// holddrain <db> <ledger>: with the same functions, runs until no hold and no unfinished run is left, prints "drained ok".
if (args is not [var mode, var database, var ledger, ..] || mode is not ("send" or "drain" or "flow" or "cancelon" or "hold" or "holddrain"))
{
    await Console.Error.WriteLineAsync("usage: send <db> <ledger> <prefix> | drain <db> <ledger> [leaseMs] | flow <db> <ledger> <announce|quiet> | cancelon <db> <ledger> | hold <db> <ledger> | holddrain <db> <ledger>");
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
else if (mode is "hold" or "holddrain")
{
    var held = HeldFunctions.Module("AttrFanout.Sqlite.Tests.EngineWorker.Held", TimeSpan.FromSeconds(8), static (function, ran, context) =>
    {
        Ledger.Append($"ran {function} {string.Join(',', ran)} {context.RunId} {Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}\n");
        return default;
    });
    AttrFanoutRegistration.AddAttrFanoutCore(services, [held], o =>
    {
        o.FlowControlLease = TimeSpan.FromSeconds(3);
        o.HoldPollInterval = TimeSpan.FromMilliseconds(200);
        o.UseSqlite($"Data Source={database}", s =>
        {
            s.LeaseDuration = TimeSpan.FromSeconds(3);
            s.PollInterval = TimeSpan.FromMilliseconds(100);
        });
    });
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
if (mode == "hold")
{
    var sender = provider.GetRequiredService<IEventSender>();
    for (var revision = 1; revision <= 3; revision++)
    {
        await sender.SendAsync(new DocEdited("doc-1", revision), new SendOptions { Id = $"edit-{revision.ToString(CultureInfo.InvariantCulture)}" });
    }

    for (var click = 1; click <= 2; click++)
    {
        await sender.SendAsync(new Clicked("tenant-1", click), new SendOptions { Id = $"click-{click.ToString(CultureInfo.InvariantCulture)}" });
    }

    while (await CountAsync("SELECT COUNT(*) FROM event_holds") < 2 || await CountAsync("SELECT COUNT(*) FROM runs WHERE status IN (0, 1)") > 0)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(20));
    }

    Console.WriteLine("held ok");
    await Task.Delay(Timeout.Infinite);
}

while (true)
{
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = mode == "holddrain"
        ? "SELECT (SELECT COUNT(*) FROM runs WHERE status IN (0, 1)) + (SELECT COUNT(*) FROM event_holds)"
        : "SELECT COUNT(*) FROM runs WHERE status IN (0, 1)";
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

async Task<long> CountAsync(string sql)
{
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    return (long)(await command.ExecuteScalarAsync())!;
}
