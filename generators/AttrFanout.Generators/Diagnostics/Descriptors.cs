using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Diagnostics;

/// <summary>Every diagnostic AttrFanout reports, in one table. Each has a help page at <c>docs/diagnostics/AFxxxx.md</c>.</summary>
internal static class Descriptors
{
    public const string Category = "AttrFanout";
    private const string HelpLinkBase = "https://github.com/attrfanout/attrfanout/blob/main/docs/diagnostics/";

    /// <summary>AF0001: two functions, in this project or its references, share an Id.</summary>
    public static readonly DiagnosticDescriptor DuplicateFunctionId = Create(
        DiagnosticIds.DuplicateFunctionId,
        "Duplicate function Id",
        "Function Id '{0}' of '{1}' is also used by {2}; set a different Id in [OnEvent] on one of them",
        DiagnosticSeverity.Error,
        compilationEnd: true);

    /// <summary>AF0002: no <c>[Event]</c> in the app or its references declares the event a handler subscribes to.</summary>
    public static readonly DiagnosticDescriptor UnknownEvent = Create(
        DiagnosticIds.UnknownEvent,
        "Unknown event",
        "No [Event] declares the event '{0}' that '{1}' subscribes to; {2}",
        DiagnosticSeverity.Warning,
        compilationEnd: true);

    /// <summary>AF0003: the handler's payload type is not the type the event is declared with.</summary>
    public static readonly DiagnosticDescriptor PayloadTypeMismatch = Create(
        DiagnosticIds.PayloadTypeMismatch,
        "Payload type does not match the event",
        "'{0}' takes '{1}', but the event '{2}' carries '{3}'; {4}",
        DiagnosticSeverity.Error,
        compilationEnd: true);

    /// <summary>AF0004: the method's parameters or return type are not a handler's.</summary>
    public static readonly DiagnosticDescriptor InvalidHandlerSignature = Create(
        DiagnosticIds.InvalidHandlerSignature,
        "Invalid handler signature",
        "'{0}' cannot handle events: {1}",
        DiagnosticSeverity.Error);

    /// <summary>AF0005: an event name in <c>[OnEvent]</c> or <c>[Event]</c> is not of the allowed form.</summary>
    public static readonly DiagnosticDescriptor InvalidEventName = Create(
        DiagnosticIds.InvalidEventName,
        "Invalid event name",
        "The event name '{0}' on '{1}' is invalid; use " + FanoutNames.EventNameRule,
        DiagnosticSeverity.Error);

    /// <summary>AF0006: a function Id, given or derived, is not of the allowed form.</summary>
    public static readonly DiagnosticDescriptor InvalidFunctionId = Create(
        DiagnosticIds.InvalidFunctionId,
        "Invalid function Id",
        "The function Id '{0}' of '{1}' is invalid; {2}",
        DiagnosticSeverity.Error);

    /// <summary>AF0007: one event name is declared by two payload types.</summary>
    public static readonly DiagnosticDescriptor EventDeclaredTwice = Create(
        DiagnosticIds.EventDeclaredTwice,
        "Event declared by two payload types",
        "The event '{0}' is declared by both '{1}' and {2}; an event has one payload type, so rename one of the events",
        DiagnosticSeverity.Error,
        compilationEnd: true);

    /// <summary>AF0008: the generated code cannot call the handler.</summary>
    public static readonly DiagnosticDescriptor HandlerNotReachable = Create(
        DiagnosticIds.HandlerNotReachable,
        "Handler not reachable from generated code",
        "'{0}' cannot be called by the generated dispatch table: {1}",
        DiagnosticSeverity.Error);

    /// <summary>AF0009: the <c>[Event]</c> type cannot receive its generated plumbing.</summary>
    public static readonly DiagnosticDescriptor EventTypeNotPartial = Create(
        DiagnosticIds.EventTypeNotPartial,
        "Event payload type must be a non-generic partial type",
        "The event payload type '{0}' cannot receive its generated event plumbing: {1}",
        DiagnosticSeverity.Error);

    /// <summary>AF0010: a numeric <c>[OnEvent]</c> setting is out of range.</summary>
    public static readonly DiagnosticDescriptor InvalidFunctionSetting = Create(
        DiagnosticIds.InvalidFunctionSetting,
        "Invalid function setting",
        "The [OnEvent] settings of '{0}' are invalid: {1}",
        DiagnosticSeverity.Error);

    /// <summary>AF0011: a member of an <c>[Event]</c> payload has a type the generated JSON metadata cannot serialize.</summary>
    public static readonly DiagnosticDescriptor PayloadNotSerializable = Create(
        DiagnosticIds.PayloadNotSerializable,
        "Event payload cannot be serialized",
        "{0} in the payload of event '{1}' cannot be serialized: {2}",
        DiagnosticSeverity.Error);

    /// <summary>AF0012: the generator met an exception on a symbol; it left the symbol out and generated the rest.</summary>
    public static readonly DiagnosticDescriptor GeneratorFailed = Create(
        DiagnosticIds.GeneratorFailed,
        "Generator failed on a symbol",
        "The AttrFanout generator failed on '{0}' and left it out of the generated code ({1}); please report this with the code that causes it",
        DiagnosticSeverity.Error);

    /// <summary>AF0013: an instance handler's class cannot be created by the generated registration.</summary>
    public static readonly DiagnosticDescriptor HandlerClassNotCreatable = Create(
        DiagnosticIds.HandlerClassNotCreatable,
        "Handler class cannot be created for each run",
        "'{0}' is an instance handler, but the generated registration cannot create '{1}' for each run: {2}; give '{1}' a public constructor that takes its services, or register '{1}' in the service collection yourself",
        DiagnosticSeverity.Warning);

    /// <summary>AF0014: the generated code cannot name the <c>[Event]</c> payload type.</summary>
    public static readonly DiagnosticDescriptor EventTypeNotReachable = Create(
        DiagnosticIds.EventTypeNotReachable,
        "Event payload type not reachable from generated code",
        "The event payload type '{0}' cannot be named by the generated dispatch table, so the event is not registered: {1}",
        DiagnosticSeverity.Error);

    /// <summary>AF0015: <c>[OnEvent]</c> on a local function, lambda or other target that is not a method of a type.</summary>
    public static readonly DiagnosticDescriptor OnEventOnNonMethod = Create(
        DiagnosticIds.OnEventOnNonMethod,
        "[OnEvent] is ignored here",
        "[OnEvent] on {0} is ignored: only a method of a class can handle events; move the handler to a method of a class",
        DiagnosticSeverity.Error);

    /// <summary>AF0016: a send of a type that is not an <c>[Event]</c> payload.</summary>
    public static readonly DiagnosticDescriptor SentTypeNotEvent = Create(
        DiagnosticIds.SentTypeNotEvent,
        "Sent type is not an event payload",
        "'{0}' is not an event payload, so it cannot be sent; declare its event with [Event(\"...\")] on '{0}' and make it partial",
        DiagnosticSeverity.Error);

    /// <summary>AF0017: a member of an <c>[Event]</c> payload is written to JSON but reading the JSON back never sets it.</summary>
    public static readonly DiagnosticDescriptor PayloadMemberNotReadBack = Create(
        DiagnosticIds.PayloadMemberNotReadBack,
        "Payload member is written but never read back",
        "{0} in the payload of event '{1}' is written to JSON but never read back: {2}",
        DiagnosticSeverity.Warning);

    /// <summary>AF0018: <c>[Event(JsonNaming = ...)]</c> together with <c>JsonContext</c>, whose own options decide the names.</summary>
    public static readonly DiagnosticDescriptor JsonNamingIgnored = Create(
        DiagnosticIds.JsonNamingIgnored,
        "JsonNaming is ignored with a JsonContext",
        "The event '{0}' sets both JsonNaming and JsonContext; the context's own options decide the names, so JsonNaming = {1} is ignored: remove it and set PropertyNamingPolicy = JsonKnownNamingPolicy.{1} in [JsonSourceGenerationOptions] on '{2}'",
        DiagnosticSeverity.Warning);

    /// <summary>AF0019: a public field of an <c>[Event]</c> payload is not serialized, for want of <c>[JsonInclude]</c>.</summary>
    public static readonly DiagnosticDescriptor PayloadFieldNotSerialized = Create(
        DiagnosticIds.PayloadFieldNotSerialized,
        "Payload field is not serialized",
        "{0} in the payload of event '{1}' is a public field that is not stored: {2}",
        DiagnosticSeverity.Warning);

    /// <summary>AF0020: <c>[OnEvent(Pipeline = ...)]</c> names no pipeline an app could register.</summary>
    public static readonly DiagnosticDescriptor InvalidPipelineName = Create(
        DiagnosticIds.InvalidPipelineName,
        "Invalid resilience pipeline name",
        "The Pipeline '{0}' of '{1}' cannot name a resilience pipeline: {2}; use " + PipelineNames.Rule + ", or leave Pipeline out",
        DiagnosticSeverity.Error);

    /// <summary>AF0021: the event name in <c>[OnEvent]</c> is an expression whose value cannot be determined at build time.</summary>
    public static readonly DiagnosticDescriptor EventNameNotDetermined = Create(
        DiagnosticIds.EventNameNotDetermined,
        "Event name cannot be determined at build time",
        "The event name of '{0}' cannot be determined at build time, so the function would never run; write a string literal, the EventName constant of an [Event] type (T.EventName), or a const string initialized with one of these",
        DiagnosticSeverity.Error);

    /// <summary>AF0022: a flow-control key's member path names a member the payload does not have (or generated code cannot read).</summary>
    public static readonly DiagnosticDescriptor UnknownKeyMember = Create(
        DiagnosticIds.UnknownKeyMember,
        "Unknown member in a flow-control key",
        "The key '{0}' of [{1}] on '{2}' cannot be read: {3}",
        DiagnosticSeverity.Error);

    /// <summary>AF0023: a flow-control key names a method of the function's class that cannot compute a key.</summary>
    public static readonly DiagnosticDescriptor InvalidKeyMethod = Create(
        DiagnosticIds.InvalidKeyMethod,
        "Key method has the wrong signature",
        "The key method '{0}' of [{1}] on '{2}' cannot compute a key: {3}; declare it as 'static string {0}({4} payload)'",
        DiagnosticSeverity.Error);

    /// <summary>AF0024: the method <c>[Priority]</c> names is missing or is not <c>static int M(TPayload)</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidPriorityMethod = Create(
        DiagnosticIds.InvalidPriorityMethod,
        "Priority method has the wrong signature",
        "The priority method '{0}' of '{1}' cannot order runs: {2}; declare 'static int {0}({3} payload)' in '{4}'",
        DiagnosticSeverity.Error);

    /// <summary>AF0025: a flow-control limit or burst is zero or negative.</summary>
    public static readonly DiagnosticDescriptor InvalidFlowLimit = Create(
        DiagnosticIds.InvalidFlowLimit,
        "Flow-control limit is not positive",
        "[{0}] on '{1}': {2} = {3} is not positive; use 1 or more",
        DiagnosticSeverity.Error);

    /// <summary>AF0026: a flow-control period is shorter than a second or longer than seven days.</summary>
    public static readonly DiagnosticDescriptor InvalidFlowPeriod = Create(
        DiagnosticIds.InvalidFlowPeriod,
        "Flow-control period out of range",
        "[{0}] on '{1}': PeriodSeconds = {2} is outside 1 second to 7 days; use 1 to 604800",
        DiagnosticSeverity.Error);

    /// <summary>AF0027: more than two <c>[Concurrency]</c> on one function.</summary>
    public static readonly DiagnosticDescriptor TooManyConcurrencyLimits = Create(
        DiagnosticIds.TooManyConcurrencyLimits,
        "More than two concurrency limits",
        "'{0}' has {1} [Concurrency] limits; a function takes at most two, so remove this one or merge it with another",
        DiagnosticSeverity.Error);

    /// <summary>AF0028: one concurrency scope is given two different limits, in this project or across its references.</summary>
    public static readonly DiagnosticDescriptor ScopeLimitConflict = Create(
        DiagnosticIds.ScopeLimitConflict,
        "Concurrency scope given two limits",
        "The concurrency scope '{0}' is given the limit {1} by '{2}', but {3}; every function naming a scope must give it the same limit",
        DiagnosticSeverity.Error,
        compilationEnd: true);

    /// <summary>AF0029: <c>[Idempotency]</c> without a key.</summary>
    public static readonly DiagnosticDescriptor IdempotencyWithoutKey = Create(
        DiagnosticIds.IdempotencyWithoutKey,
        "[Idempotency] without a key",
        "[Idempotency] on '{0}' has no Key, so every run would share one key and only the first would start; set Key to a payload member (nameof(...)) or a key method",
        DiagnosticSeverity.Error);

    /// <summary>AF0030: flow-control attributes on one function that contradict each other.</summary>
    public static readonly DiagnosticDescriptor ContradictoryFlowControl = Create(
        DiagnosticIds.ContradictoryFlowControl,
        "Contradictory flow-control attributes",
        "The flow control of '{0}' contradicts itself: {1}",
        DiagnosticSeverity.Error);

    /// <summary>AF0031: a flow-control attribute on a method without <c>[OnEvent]</c>, where it does nothing.</summary>
    public static readonly DiagnosticDescriptor FlowControlWithoutOnEvent = Create(
        DiagnosticIds.FlowControlWithoutOnEvent,
        "Flow-control attribute without [OnEvent]",
        "[{0}] on '{1}' does nothing: only a function ([OnEvent] or [OnSchedule] method) has flow control; add [OnEvent] or remove [{0}]",
        DiagnosticSeverity.Error);

    /// <summary>AF0032: a flow-control key's type has no stable, culture-invariant text form.</summary>
    public static readonly DiagnosticDescriptor KeyTextNotStable = Create(
        DiagnosticIds.KeyTextNotStable,
        "Flow-control key has no stable text form",
        "The key '{0}' of [{1}] on '{2}' is of type '{3}', which has no stable text form, so its ToString() becomes the key; key by a string, number, Guid, enum or other IFormattable value instead",
        DiagnosticSeverity.Warning);

    /// <summary>AF0033: the cron expression of <c>[OnSchedule]</c> is not valid.</summary>
    public static readonly DiagnosticDescriptor InvalidCronExpression = Create(
        DiagnosticIds.InvalidCronExpression,
        "Invalid cron expression",
        "The schedule '{0}' of '{1}' is not a valid cron expression: {2}",
        DiagnosticSeverity.Error);

    /// <summary>AF0034: the time zone of <c>[OnSchedule]</c> is not an IANA name.</summary>
    public static readonly DiagnosticDescriptor UnknownTimeZone = Create(
        DiagnosticIds.UnknownTimeZone,
        "Unknown time zone",
        "The time zone of the schedule of '{0}' is not known: {1}",
        DiagnosticSeverity.Error);

    /// <summary>AF0035: the method's parameters or return type are not a scheduled function's.</summary>
    public static readonly DiagnosticDescriptor InvalidScheduleHandler = Create(
        DiagnosticIds.InvalidScheduleHandler,
        "Invalid scheduled function signature",
        "'{0}' cannot run on a schedule: {1}",
        DiagnosticSeverity.Error);

    /// <summary>AF0036: a method with both <c>[OnSchedule]</c> and <c>[OnEvent]</c> takes <c>ScheduledTick</c>.</summary>
    public static readonly DiagnosticDescriptor ScheduleWithEvent = Create(
        DiagnosticIds.ScheduleWithEvent,
        "Schedule and event on one method",
        "'{0}' has both [OnSchedule] and [OnEvent] but takes ScheduledTick, which only the schedule's runs carry; take no payload and read the trigger from FunctionContext.EventName, or give the schedule its own method",
        DiagnosticSeverity.Error);

    /// <summary>AF0037: the method <c>[OnEvent(When = ...)]</c> names is missing or is not <c>static bool M(TPayload)</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidFilterMethod = Create(
        DiagnosticIds.InvalidFilterMethod,
        "Invalid filter method",
        "The filter '{0}' of '{1}' cannot decide which events start a run: {2}; declare 'static bool {0}({3} payload)' in '{4}'",
        DiagnosticSeverity.Error);

    /// <summary>AF0038: the period or the max wait of <c>[Debounce]</c> is out of range.</summary>
    public static readonly DiagnosticDescriptor InvalidDebounce = Create(
        DiagnosticIds.InvalidDebounce,
        "Invalid [Debounce] setting",
        "[Debounce] on '{0}' cannot hold its events: {1}",
        DiagnosticSeverity.Error);

    /// <summary>AF0039: the size, timeout or byte limit of <c>[Batch]</c> is out of range.</summary>
    public static readonly DiagnosticDescriptor InvalidBatch = Create(
        DiagnosticIds.InvalidBatch,
        "Invalid [Batch] setting",
        "[Batch] on '{0}' cannot form batches: {1}",
        DiagnosticSeverity.Error);

    /// <summary>AF0040: a <c>[Batch]</c> function whose handler takes one payload instead of a list.</summary>
    public static readonly DiagnosticDescriptor BatchHandlerWithoutList = Create(
        DiagnosticIds.BatchHandlerWithoutList,
        "Batch handler takes no list",
        "'{0}' has [Batch], so it runs with a batch of events, but it takes '{1}'; take IReadOnlyList<{2}> or IReadOnlyList<Event<{2}>> (no other collection type is accepted)",
        DiagnosticSeverity.Error);

    /// <summary>AF0041: a handler takes a list of payloads or events but has no <c>[Batch]</c>.</summary>
    public static readonly DiagnosticDescriptor ListWithoutBatch = Create(
        DiagnosticIds.ListWithoutBatch,
        "List parameter without [Batch]",
        "'{0}' takes '{1}', a batch, but has no [Batch], so it would run with one event at a time; add [Batch(MaxSize = ..., TimeoutSeconds = ...)] or take one '{2}'",
        DiagnosticSeverity.Error);

    /// <summary>AF0042: <c>[Batch]</c> with <c>[Debounce]</c>, <c>[Singleton]</c> or <c>[CancelOn]</c>, which cannot apply to a batch.</summary>
    public static readonly DiagnosticDescriptor ForbiddenTriggerCombination = Create(
        DiagnosticIds.ForbiddenTriggerCombination,
        "[Batch] combined with an attribute it cannot take",
        "'{0}' has both [Batch] and [{1}]: {2}; remove one of them",
        DiagnosticSeverity.Error);

    /// <summary>AF0043: <c>[Debounce]</c> or <c>[Batch]</c> on an <c>[OnSchedule]</c> function.</summary>
    public static readonly DiagnosticDescriptor HoldOnSchedule = Create(
        DiagnosticIds.HoldOnSchedule,
        "[Debounce] or [Batch] on a scheduled function",
        "[{0}] on the scheduled function '{1}' has nothing to hold: a schedule starts one run per tick, with no burst of events to debounce or batch; remove [{0}]",
        DiagnosticSeverity.Error);

    /// <summary>AF0044: the event <c>[CancelOn]</c> names is not declared, or its name cannot be read at build time.</summary>
    public static readonly DiagnosticDescriptor UnknownCancellingEvent = Create(
        DiagnosticIds.UnknownCancellingEvent,
        "Unknown cancelling event",
        "[CancelOn] on '{0}' waits for an event that cannot arrive: {1}",
        DiagnosticSeverity.Error);

    /// <summary>AF0045: the <c>Match</c> member of <c>[CancelOn]</c> is missing from a payload, or differs in type between them.</summary>
    public static readonly DiagnosticDescriptor InvalidCancelMatch = Create(
        DiagnosticIds.InvalidCancelMatch,
        "Invalid [CancelOn] match",
        "The Match '{0}' of [CancelOn(\"{1}\")] on '{2}' cannot pair runs with cancelling events: {3}",
        DiagnosticSeverity.Error);

    /// <summary>AF0046: the <c>If</c> method of <c>[CancelOn]</c> is missing or is not <c>static bool M(TRun, TCancelling)</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidCancelCondition = Create(
        DiagnosticIds.InvalidCancelCondition,
        "Invalid [CancelOn] condition",
        "The condition '{0}' of [CancelOn(\"{1}\")] on '{2}' cannot decide which runs to cancel: {3}; declare 'static bool {0}({4} run, {5} cancelling)' in '{6}'",
        DiagnosticSeverity.Error);

    /// <summary>AF0047: <c>[CancelOn]</c> with both <c>Match</c> and <c>If</c>, or a timeout that is not positive.</summary>
    public static readonly DiagnosticDescriptor InvalidCancelOnSetting = Create(
        DiagnosticIds.InvalidCancelOnSetting,
        "Invalid [CancelOn] setting",
        "[CancelOn(\"{0}\")] on '{1}': {2}",
        DiagnosticSeverity.Error);

    /// <summary>AF0048: two triggers of one method set different function Ids.</summary>
    public static readonly DiagnosticDescriptor TriggersWithTwoIds = Create(
        DiagnosticIds.TriggersWithTwoIds,
        "Triggers of one function with two Ids",
        "'{0}' is one function with several triggers, but they set two Ids, '{1}' and '{2}'; set Id on one attribute only, or give each trigger its own method",
        DiagnosticSeverity.Error);

    /// <summary>AF0049: a handler with several triggers takes <c>Event&lt;T&gt;</c>.</summary>
    public static readonly DiagnosticDescriptor EnvelopeWithSeveralTriggers = Create(
        DiagnosticIds.EnvelopeWithSeveralTriggers,
        "Event<T> with several triggers",
        "'{0}' takes '{1}', but has {2} triggers and Event<T> carries one event's payload; take the payload itself (a type every trigger's payload converts to, or none) and read the trigger from FunctionContext.EventName",
        DiagnosticSeverity.Error);

    /// <summary>AF0050: two triggers of one method set a shared setting to different values.</summary>
    public static readonly DiagnosticDescriptor TriggerSettingConflict = Create(
        DiagnosticIds.TriggerSettingConflict,
        "Triggers of one function set a setting twice",
        "'{0}' is one function with several triggers, which share its settings, but {1} is set to {2} and to {3}; set it on one attribute only",
        DiagnosticSeverity.Error);

    /// <summary>AF0051: <c>[Debounce]</c>, <c>[Batch]</c> or <c>[CancelOn]</c> on a function with several triggers.</summary>
    public static readonly DiagnosticDescriptor HoldOrCancelWithSeveralTriggers = Create(
        DiagnosticIds.HoldOrCancelWithSeveralTriggers,
        "[Debounce], [Batch] or [CancelOn] with several triggers",
        "[{0}] on '{1}' needs one trigger, but the function has {2}: its keys and matches read one event's payload; give the {3} its own method with one [OnEvent]",
        DiagnosticSeverity.Error);

    /// <summary>AF0052: a flow-control setting that names something (a <c>Scope</c>, a <c>[Priority]</c> method) is empty or whitespace.</summary>
    public static readonly DiagnosticDescriptor BlankFlowSetting = Create(
        DiagnosticIds.BlankFlowSetting,
        "Blank flow-control setting",
        "The {0} of [{1}] on '{2}' is blank: {3}",
        DiagnosticSeverity.Error);

    /// <summary>AF0053: <c>[OnEvent(Concurrency = N)]</c> beside a function-wide <c>[Concurrency(M)]</c> with N at least M, so the per-process limit never binds.</summary>
    public static readonly DiagnosticDescriptor PerProcessConcurrencyNeverBinds = Create(
        DiagnosticIds.PerProcessConcurrencyNeverBinds,
        "Per-process concurrency can never bind",
        "[OnEvent(Concurrency = {1})] on '{0}' never holds a run back: [Concurrency({2})] already lets at most {2} run at once across every process together, so one process never has more than {2}; [OnEvent(Concurrency)] limits one process while [Concurrency] limits every process together, so set the per-process limit below {2} or remove one of them",
        DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, bool compilationEnd = false) =>
        new(
            id,
            title,
            message,
            Category,
            severity,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + id + ".md",
            customTags: compilationEnd ? [WellKnownDiagnosticTags.CompilationEnd] : []);
}
