using System.Text.Json.Serialization;
using AttrFanout.FlowControl;
using AttrFanout.Generated;
using AttrFanout.Triggers;

namespace AttrFanout.TestSupport;

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
internal sealed partial class HeldJsonContext : JsonSerializerContext;

/// <summary>
/// The debounced and the batched function of the workers' kill tests, built by hand with the rules the generator emits for
/// <c>[Debounce(PeriodSeconds = wait, Key = nameof(DocEdited.DocId))]</c> on <c>hold/doc-edited</c> and
/// <c>[Batch(MaxSize = 10, TimeoutSeconds = wait, Key = nameof(Clicked.TenantId))]</c> on <c>hold/clicked</c>. Each run
/// hands the worker's recorder its function, what it ran (the edit's revision as <c>r{n}</c>, or the click Ids) and its context.
/// </summary>
public static class HeldFunctions
{
    public const string Debounced = "hold-doc";
    public const string Batched = "hold-clicks";

    /// <param name="appName">The module's assembly name, which names the app.</param>
    /// <param name="wait">The debounce period and the batch timeout.</param>
    /// <param name="record">Records one run: the function Id, what it ran, the run's context.</param>
    public static IFanoutModule Module(string appName, TimeSpan wait, Func<string, IEnumerable<string>, FunctionContext, ValueTask> record) =>
        new HeldModule(appName, wait, record);

    private sealed class HeldModule(string appName, TimeSpan wait, Func<string, IEnumerable<string>, FunctionContext, ValueTask> record) : IFanoutModule
    {
        public string AssemblyName => appName;

        public void Register(FanoutModuleBuilder builder)
        {
            builder.AddEvent(new EventDescriptor<DocEdited>(DocEdited.EventName, HeldJsonContext.Default));
            builder.AddEvent(new EventDescriptor<Clicked>(Clicked.EventName, HeldJsonContext.Default));
            builder.AddFunction(new FunctionDescriptor<DocEdited>(Debounced, DocEdited.EventName, (_, e, context, _) => record(Debounced, [$"r{e.Data.Revision}"], context))
            {
                Handler = "AttrFanout.TestSupport.HeldFunctions.Debounced",
                Debounce = new DebounceRule(wait) { Key = new PayloadKey(nameof(DocEdited.DocId), static p => ((DocEdited)p).DocId) },
            });
            builder.AddFunction(new FunctionDescriptor<Clicked>(Batched, Clicked.EventName, (_, e, context, _) => record(Batched, [e.Id], context))
            {
                Handler = "AttrFanout.TestSupport.HeldFunctions.Batched",
                Batch = new BatchRule(10, wait) { Key = new PayloadKey(nameof(Clicked.TenantId), static p => ((Clicked)p).TenantId) },
                BatchInvoker = (_, events, context, _) => record(Batched, events.Select(static e => e.Id), context),
            });
        }
    }
}
