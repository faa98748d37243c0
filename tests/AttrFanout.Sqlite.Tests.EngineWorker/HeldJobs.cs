using System.Globalization;
using System.Text.Json.Serialization;
using AttrFanout;
using AttrFanout.FlowControl;
using AttrFanout.Generated;
using AttrFanout.Triggers;

namespace AttrFanout.Sqlite.Tests.EngineWorker;

/// <summary>An edit of a document: a burst of them runs the debounced function once, with the last.</summary>
public sealed record DocEdited(string DocId, int Revision) : IEventPayload
{
    public static string EventName => "hold/doc-edited";
}

/// <summary>A click of a tenant: clicks run the batched function together.</summary>
public sealed record Clicked(string TenantId, int Number) : IEventPayload
{
    public static string EventName => "hold/clicked";
}

[JsonSerializable(typeof(DocEdited))]
[JsonSerializable(typeof(Clicked))]
internal sealed partial class HeldJobJsonContext : JsonSerializerContext;

/// <summary>
/// The debounced and the batched function, built by hand with the rules the generator emits for
/// <c>[Debounce(PeriodSeconds = 8, Key = nameof(DocEdited.DocId))]</c> and
/// <c>[Batch(MaxSize = 10, TimeoutSeconds = 8, Key = nameof(Clicked.TenantId))]</c>. Each run appends one line
/// "ran {function} {event Ids, comma-separated} {run} {process}" to this process's ledger file.
/// </summary>
public static class HeldJobs
{
    public const string Debounced = "hold-doc";
    public const string Batched = "hold-clicks";
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(8);

    public static readonly IFanoutModule Module = new HeldModule();

    private static ValueTask RecordAsync(string functionId, IEnumerable<string> eventIds, FunctionContext context)
    {
        Ledger.Append($"ran {functionId} {string.Join(',', eventIds)} {context.RunId} {Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}\n");
        return default;
    }

    private sealed class HeldModule : IFanoutModule
    {
        public string AssemblyName => "AttrFanout.Sqlite.Tests.EngineWorker.Held";

        public void Register(FanoutModuleBuilder builder)
        {
            builder.AddEvent(new EventDescriptor<DocEdited>(DocEdited.EventName, HeldJobJsonContext.Default));
            builder.AddEvent(new EventDescriptor<Clicked>(Clicked.EventName, HeldJobJsonContext.Default));
            builder.AddFunction(new FunctionDescriptor<DocEdited>(Debounced, DocEdited.EventName, static (_, e, context, _) => RecordAsync(Debounced, [$"r{e.Data.Revision}"], context))
            {
                Handler = "AttrFanout.Sqlite.Tests.EngineWorker.HeldJobs.Debounced",
                Debounce = new DebounceRule(Wait) { Key = new PayloadKey(nameof(DocEdited.DocId), static p => ((DocEdited)p).DocId) },
            });
            builder.AddFunction(new FunctionDescriptor<Clicked>(Batched, Clicked.EventName, static (_, e, context, _) => RecordAsync(Batched, [e.Id], context))
            {
                Handler = "AttrFanout.Sqlite.Tests.EngineWorker.HeldJobs.Batched",
                Batch = new BatchRule(10, Wait) { Key = new PayloadKey(nameof(Clicked.TenantId), static p => ((Clicked)p).TenantId) },
                BatchInvoker = static (_, events, context, _) => RecordAsync(Batched, events.Select(static e => e.Id), context),
            });
        }
    }
}
