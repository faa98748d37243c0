using System.Globalization;
using System.Text.Json.Serialization;
using AttrFanout;
using AttrFanout.FlowControl;
using AttrFanout.Generated;

namespace AttrFanout.Sqlite.Tests.EngineWorker;

/// <summary>A job of one key; at most <see cref="KeyedJobs.Limit"/> of a key execute at once across every process.</summary>
public sealed record KeyedJob(string Key, int Number) : IEventPayload
{
    public static string EventName => "flow/keyed";
}

[JsonSerializable(typeof(KeyedJob))]
internal sealed partial class KeyedJobJsonContext : JsonSerializerContext;

/// <summary>
/// The function built by hand with the rule the generator emits for <c>[Concurrency(2, Key = nameof(KeyedJob.Key))]</c>. Each
/// execution appends "start" and "end" lines (run, key, UTC ticks, process) to this process's ledger file, and, when asked,
/// announces each start on stdout so the parent knows when this process holds a slot.
/// </summary>
public static class KeyedJobs
{
    public const string FunctionId = "flow-keyed";
    public const int Limit = 2;
    public static readonly TimeSpan Work = TimeSpan.FromSeconds(1);

    public static bool AnnounceStarts { get; set; }

    public static readonly IFanoutModule Module = new KeyedModule();

    private static async ValueTask RunAsync(KeyedJob job, FunctionContext context, CancellationToken cancellationToken)
    {
        Record("start", context.RunId, job.Key);
        if (AnnounceStarts)
        {
            Console.WriteLine($"started {context.RunId} {job.Key} {DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture)} ok");
        }

        await Task.Delay(Work, cancellationToken);
        Record("end", context.RunId, job.Key);
    }

    private static void Record(string what, string runId, string key) =>
        Ledger.Append($"{what} {runId} {key} {DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture)} {Environment.ProcessId}\n");

    private sealed class KeyedModule : IFanoutModule
    {
        public string AssemblyName => "AttrFanout.Sqlite.Tests.EngineWorker.Keyed";

        public void Register(FanoutModuleBuilder builder)
        {
            builder.AddEvent(new EventDescriptor<KeyedJob>(KeyedJob.EventName, KeyedJobJsonContext.Default));
            builder.AddFunction(new FunctionDescriptor<KeyedJob>(FunctionId, KeyedJob.EventName, static (_, e, context, ct) => RunAsync(e.Data, context, ct))
            {
                Handler = "AttrFanout.Sqlite.Tests.EngineWorker.KeyedJobs.RunAsync",
                FlowControl = new FunctionFlowControl
                {
                    Concurrency = [new ConcurrencyRule(Limit) { Key = new PayloadKey(nameof(KeyedJob.Key), static payload => ((KeyedJob)payload).Key) }],
                },
            });
        }
    }
}
