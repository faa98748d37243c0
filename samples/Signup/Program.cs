using System.Diagnostics;
using AttrFanout;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Signup.Events;
using Signup.Services;
using Signup;

// Relative paths in the configuration (the database file) are beside the app, wherever it is started from.
Environment.CurrentDirectory = AppContext.BaseDirectory;
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
// The database and its settings come from configuration (appsettings.json, environment variables, the command line):
// AttrFanout:Sqlite:ConnectionStringName names ConnectionStrings:Signup, AttrFanout:Sqlite:LeaseDuration is 5 seconds.
builder.Services.AddAttrFanout(o => o.UseSqlite());
builder.Services.AddSignupServices(builder.Configuration.SalesApiOutages());

using var host = builder.Build();
using var timeline = new Timeline();
await host.StartAsync();

var sender = host.Services.GetRequiredService<IEventSender>();
var runs = host.Services.GetRequiredService<IFunctionRuns>();

var unfinished = Path.Combine(AppContext.BaseDirectory, "signup.unfinished");
if (File.Exists(unfinished))
{
    var left = File.ReadAllLines(unfinished);
    timeline.Note($"resuming {left.Length} runs of the event a killed run sent (runs it was executing start again once their lease ends)");
    foreach (var run in await Task.WhenAll(left.Select(id => runs.WaitForCompletionAsync(id))))
    {
        Console.WriteLine($"  resumed {run.FunctionId,-22} {run.Status,-10} {run.Attempts} attempts");
    }

    File.Delete(unfinished);
}

var signup = new UserSignedUp("u-1001", "ada@example.com", "Ada Lovelace", "team");
var sent = await sender.SendAsync(signup, new SendOptions { Id = $"signup-{signup.UserId}-{Guid.NewGuid():N}" });
timeline.Note($"sent {UserSignedUp.EventName} ({sent.EventId}): {sent.RunIds.Count} functions subscribed{(sent.IsDuplicate ? ", duplicate" : "")}");
if (args.Contains("--crash-after-send"))
{
    File.WriteAllLines(unfinished, sent.RunIds);
    timeline.Note($"--crash-after-send: killing this process; the event and its runs are in the SQLite file of ConnectionStrings:Signup. Run again to see them resume.");
    Process.GetCurrentProcess().Kill();
}

var finished = await Task.WhenAll(sent.RunIds.Select(id => runs.WaitForCompletionAsync(id)));
await host.StopAsync();

Console.WriteLine();
Console.WriteLine($"{"function",-22} {"status",-10} attempts");
foreach (var run in finished.OrderBy(static r => r.FunctionId, StringComparer.Ordinal))
{
    Console.WriteLine($"{run.FunctionId,-22} {run.Status,-10} {run.Attempts}{(run.ErrorMessage is { } error && run.Status != RunStatus.Succeeded ? "  " + error : "")}");
}

foreach (var item in host.Services.GetRequiredService<Outbox>().Sent)
{
    Console.WriteLine($"  outbox: {item}");
}

var succeeded = finished.All(static r => r.Status == RunStatus.Succeeded);
Console.WriteLine(succeeded ? "all functions succeeded" : "some functions failed");
return succeeded ? 0 : 1;
