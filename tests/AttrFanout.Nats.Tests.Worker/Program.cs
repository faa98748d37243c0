using AttrFanout;
using AttrFanout.Nats.Tests.Worker;
using AttrFanout.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: <url> <stream> <subject prefix> <journal file> <work ms> [traced|keyed|held]
// With "held", the worker has only the debounced and batched functions of HeldFunctions (6 s), which journal
// "ran {function} {the edit's revision, or the click Ids, comma-separated} {process}" lines.
// Appends "start N" and "done N" lines to the journal file; prints "ready" once the streams and consumers exist.
// With "keyed", the worker runs four attempts at once and holds flow-control slots under 3 s leases (the shortest allowed).
// With "traced", AttrFanout's spans are recorded (as a tracing SDK would), so traced functions see their attempt's span.
using var spans = args.Length > 5 && args[5] == "traced" ? ListenToAttrFanout() : null;
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddSingleton(new WorkJournal(args[3], TimeSpan.FromMilliseconds(int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture))));
var held = args.Length > 5 && args[5] == "held";
Action<AttrFanoutOptions> configure = o =>
{
    var keyed = args.Length > 5 && args[5] == "keyed";
    o.MaxConcurrency = keyed ? 4 : 2;
    if (keyed)
    {
        o.FlowControlLease = TimeSpan.FromSeconds(3);
    }

    o.ShutdownTimeout = TimeSpan.FromSeconds(1);
    o.UseNatsJetStream(args[0], n =>
    {
        n.StreamName = args[1];
        n.DeadLetterStreamName = args[1] + "_DEAD";
        n.SubjectPrefix = args[2];
        n.AckWait = TimeSpan.FromSeconds(2);
        n.FetchExpiry = TimeSpan.FromSeconds(2);
    });
    if (held)
    {
        o.HoldPollInterval = TimeSpan.FromMilliseconds(200);
    }
};
if (held)
{
    var journal = new WorkJournal(args[3], TimeSpan.Zero);
    var module = HeldFunctions.Module("AttrFanout.Nats.Tests.Worker.Held", TimeSpan.FromSeconds(6), (function, ran, _) =>
    {
        journal.Write($"ran {function} {string.Join(',', ran)} {Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return default;
    });
    AttrFanoutRegistration.AddAttrFanoutCore(builder.Services, [module], configure);
}
else
{
    builder.Services.AddAttrFanout(configure);
}

builder.Services.AddHealthChecks().AddAttrFanoutNatsJetStream();
using var host = builder.Build();
await host.StartAsync();
var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
Console.WriteLine(health.Status == HealthStatus.Healthy ? "ready" : "unhealthy: " + health.Entries.First().Value.Description);
await host.WaitForShutdownAsync();

static System.Diagnostics.ActivityListener ListenToAttrFanout()
{
    var listener = new System.Diagnostics.ActivityListener
    {
        ShouldListenTo = static source => source.Name == FanoutDiagnostics.Name,
        Sample = static (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
    };
    System.Diagnostics.ActivitySource.AddActivityListener(listener);
    return listener;
}
