using System.Globalization;
using System.Text.Json.Serialization;
using AttrFanout;
using AttrFanout.FlowControl;
using AttrFanout.Generated;
using AttrFanout.Triggers;

namespace AttrFanout.Nats.Tests.Worker;

/// <summary>An edit of a document: a burst of them runs the debounced function once, with the last.</summary>
public sealed record DocEdited(string DocId, int Revision);

/// <summary>A click of a tenant: clicks run the batched function together.</summary>
public sealed record Clicked(string TenantId, int Number);

[JsonSerializable(typeof(DocEdited))]
[JsonSerializable(typeof(Clicked))]
internal sealed partial class HeldItemJsonContext : JsonSerializerContext;

/// <summary>
/// The debounced and the batched function, built by hand with the rules the generator emits for
/// <c>[Debounce(PeriodSeconds = 6, Key = nameof(DocEdited.DocId))]</c> on <c>hold/doc-edited</c> and
/// <c>[Batch(MaxSize = 10, TimeoutSeconds = 6, Key = nameof(Clicked.TenantId))]</c> on <c>hold/clicked</c>. Each run
/// journals "ran {function} {the edit's revision, or the click Ids, comma-separated} {process}".
/// </summary>
public static class HeldItems
{
    public const string Debounced = "hold-doc";
    public const string Batched = "hold-clicks";
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(6);

    public static IFanoutModule Module(WorkJournal journal) => new HeldModule(journal);

    private sealed class HeldModule(WorkJournal journal) : IFanoutModule
    {
        public string AssemblyName => "AttrFanout.Nats.Tests.Worker.Held";

        public void Register(FanoutModuleBuilder builder)
        {
            builder.AddEvent(new EventDescriptor<DocEdited>("hold/doc-edited", HeldItemJsonContext.Default));
            builder.AddEvent(new EventDescriptor<Clicked>("hold/clicked", HeldItemJsonContext.Default));
            builder.AddFunction(new FunctionDescriptor<DocEdited>(Debounced, "hold/doc-edited", (_, e, _, _) => Record(Debounced, [$"r{e.Data.Revision}"]))
            {
                Handler = "AttrFanout.Nats.Tests.Worker.HeldItems.Debounced",
                Debounce = new DebounceRule(Wait) { Key = new PayloadKey(nameof(DocEdited.DocId), static p => ((DocEdited)p).DocId) },
            });
            builder.AddFunction(new FunctionDescriptor<Clicked>(Batched, "hold/clicked", (_, e, _, _) => Record(Batched, [e.Id]))
            {
                Handler = "AttrFanout.Nats.Tests.Worker.HeldItems.Batched",
                Batch = new BatchRule(10, Wait) { Key = new PayloadKey(nameof(Clicked.TenantId), static p => ((Clicked)p).TenantId) },
                BatchInvoker = (_, events, _, _) => Record(Batched, events.Select(static e => e.Id)),
            });
        }

        private ValueTask Record(string functionId, IEnumerable<string> eventIds)
        {
            journal.Write($"ran {functionId} {string.Join(',', eventIds)} {Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}");
            return default;
        }
    }
}
