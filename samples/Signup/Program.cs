using AttrFanout;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Signup;
using Signup.Events;
using Signup.Services;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddAttrFanout();
builder.Services.AddSignupServices(builder.Configuration.SalesApiOutages());

using var host = builder.Build();
using var timeline = new Timeline();
await host.StartAsync();

var sender = host.Services.GetRequiredService<IEventSender>();
var runs = host.Services.GetRequiredService<IFunctionRuns>();

var signup = new UserSignedUp("u-1001", "ada@example.com", "Ada Lovelace", "team");
var sent = await sender.SendAsync(signup, new SendOptions { Id = $"signup-{signup.UserId}" });
timeline.Note($"sent {UserSignedUp.EventName} ({sent.EventId}): {sent.RunIds.Count} functions subscribed{(sent.IsDuplicate ? ", duplicate" : "")}");

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
