using AttrFanout.Generators.Model.FlowControl;
using AttrFanout.Generators.Model.Triggers;

namespace AttrFanout.Generators.Model;

/// <summary>One valid <c>[OnEvent]</c> handler, reduced to the strings and flags the emitter needs.</summary>
/// <param name="MethodName">The method name as a C# identifier, keywords escaped.</param>
/// <param name="HasAnnotatedEnvelope">
/// Whether the envelope parameter's type argument carries a nullable annotation (<c>Event&lt;OrderPlaced?&gt;</c>), which the
/// compiler warns about at the user's parameter; the generated call is then written without nullable warnings of its own.
/// </param>
/// <param name="FlowControl">The function's flow-control rules, or null when it has none or they could not be resolved.</param>
/// <param name="FilterCall">The call of the <c>When</c> filter on the payload <c>p</c>, or null for none.</param>
/// <param name="Triggers">The function's <c>[Debounce]</c>, <c>[Batch]</c> and <c>[CancelOn]</c>, or null when it has none.</param>
/// <param name="Schedule">The cron schedule of an <c>[OnSchedule]</c> function; null for a function started by events.</param>
/// <param name="Trigger">
/// The position of this trigger among the function's, in source order (<c>[OnSchedule]</c> last); 0 for a function with one.
/// </param>
/// <param name="FirstEventName">
/// The event of the function's first trigger, which orders its triggers together; null for a function with one trigger.
/// </param>
internal sealed record FunctionModel(
    string EventName,
    string Id,
    string Handler,
    string ContainingTypeFqn,
    string MethodName,
    string PayloadTypeFqn,
    bool IsStatic,
    EquatableArray<HandlerParameterKind> Parameters,
    HandlerReturnKind ReturnKind,
    int? Retries,
    int? TimeoutSeconds,
    int? Concurrency,
    string? Pipeline,
    ServiceFactoryModel? Factory,
    bool HasAnnotatedEnvelope = false,
    FlowControlModel? FlowControl = null,
    ScheduleModel? Schedule = null,
    string? FilterCall = null,
    TriggerModel? Triggers = null,
    int Trigger = 0,
    string? FirstEventName = null)
{
    /// <summary>The event name the dispatch table is sorted by: the first trigger's, so a function's triggers stay together and in order.</summary>
    public string SortEventName => FirstEventName ?? EventName;
}
