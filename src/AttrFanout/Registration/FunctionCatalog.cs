using System.Collections.Frozen;
using AttrFanout.Generated;

namespace AttrFanout;

/// <summary>The dispatch table: every function and event the app's generated modules registered, by event name.</summary>
public sealed class FunctionCatalog
{
    private readonly FrozenDictionary<string, FunctionDescriptor[]> _functionsByEvent;
    private readonly FrozenDictionary<string, EventDescriptor> _eventsByName;
    private readonly FrozenDictionary<string, FunctionDescriptor> _functionsById;
    private readonly FrozenDictionary<string, Stores.RunRequest[]> _runsByEvent;
    private readonly FrozenSet<string> _flowControlledEvents;
    private readonly FrozenDictionary<string, global::AttrFanout.Triggers.CancelOnWatcher[]> _cancelOnByEvent;
    private readonly FrozenDictionary<string, FunctionDescriptor[]> _triggersById;
    private readonly FrozenDictionary<string, FunctionDescriptor> _holdEvents;

    private FunctionCatalog(IReadOnlyList<FunctionDescriptor> functions, IReadOnlyList<FunctionDescriptor> triggers, IReadOnlyList<EventDescriptor> events)
    {
        Functions = functions;
        Triggers = triggers;
        Events = events;
        _triggersById = triggers
            .GroupBy(static f => f.Id, StringComparer.Ordinal)
            .ToFrozenDictionary(static g => g.Key, static g => g.ToArray(), StringComparer.Ordinal);
        _holdEvents = global::AttrFanout.Triggers.HoldEvents.ByName(functions);
        _functionsByEvent = triggers
            .GroupBy(static f => f.EventName, StringComparer.Ordinal)
            .Concat(_holdEvents.GroupBy(static pair => pair.Key, static pair => pair.Value, StringComparer.Ordinal))
            .ToFrozenDictionary(static g => g.Key, static g => g.ToArray(), StringComparer.Ordinal);
        _eventsByName = events.ToFrozenDictionary(static e => e.Name, StringComparer.Ordinal);
        _functionsById = functions.ToFrozenDictionary(static f => f.Id, StringComparer.Ordinal);
        _runsByEvent = _functionsByEvent.ToFrozenDictionary(
            static pair => pair.Key,
            static pair => Array.ConvertAll(pair.Value, static f => new Stores.RunRequest(f.Id)),
            StringComparer.Ordinal);
        _flowControlledEvents = _functionsByEvent
            .Where(static pair => pair.Value.Any(static f => f.FlowControl is not null || f.HasFilter || Sending.TriggerKeys.Apply(f)))
            .Select(static pair => pair.Key)
            .Concat(_holdEvents.Keys)
            .ToFrozenSet(StringComparer.Ordinal);
        _cancelOnByEvent = functions
            .SelectMany(static f => f.CancelOn.Select((rule, index) => (rule.EventName, Watcher: new global::AttrFanout.Triggers.CancelOnWatcher(f, index))))
            .GroupBy(static w => w.EventName, StringComparer.Ordinal)
            .ToFrozenDictionary(static g => g.Key, static g => g.Select(static w => w.Watcher).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Gets every function once, in registration order: for a function with several triggers, the descriptor of its first
    /// (see <see cref="GetTriggers"/> for all of them).
    /// </summary>
    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    /// <summary>Gets the descriptor of every trigger of every function, in registration order; one per function with a single trigger.</summary>
    public IReadOnlyList<FunctionDescriptor> Triggers { get; }

    /// <summary>Gets every declared event, in registration order.</summary>
    public IReadOnlyList<EventDescriptor> Events { get; }

    /// <summary>
    /// Gets the name of the app's assembly, from its generated registration (the module registered first); shared stores
    /// use it to tell one app's functions from another's that has a function with the same Id.
    /// </summary>
    /// <value><see langword="null"/> when the catalog was built without the app's module.</value>
    public string? AppName { get; internal set; }

    /// <summary>Gets the functions subscribed to <paramref name="eventName"/>; empty when none is.</summary>
    /// <param name="eventName">The event name.</param>
    public ReadOnlySpan<FunctionDescriptor> GetFunctions(string eventName) =>
        _functionsByEvent.TryGetValue(eventName, out var functions) ? functions : [];

    /// <summary>Gets whether an event of <paramref name="eventName"/> starts runs or cancels runs (<see cref="CancelOnAttribute"/>).</summary>
    internal bool IsListenedTo(string eventName) => _functionsByEvent.ContainsKey(eventName) || _cancelOnByEvent.ContainsKey(eventName);

    /// <summary>Gets the functions, with the rule, whose runs an event of <paramref name="eventName"/> may cancel; empty when none.</summary>
    internal IReadOnlyList<global::AttrFanout.Triggers.CancelOnWatcher> GetCancelOnWatchers(string eventName) =>
        _cancelOnByEvent.Count > 0 && _cancelOnByEvent.TryGetValue(eventName, out var watchers) ? watchers : [];

    /// <summary>Gets the runs an event of <paramref name="eventName"/> starts, one per subscribed function, built once.</summary>
    internal IReadOnlyList<Stores.RunRequest> GetRunRequests(string eventName) =>
        _runsByEvent.TryGetValue(eventName, out var runs) ? runs : [];

    /// <summary>
    /// Gets the runs <paramref name="envelope"/> starts: the list built once for an event none of whose functions has
    /// flow-control rules or a filter; otherwise built for this send, without the functions whose filter declines the
    /// event, and with each ruled function's keys evaluated from the payload and its idempotency key kept until the
    /// event's timestamp plus the rule's period.
    /// </summary>
    /// <exception cref="Engine.FlowKeyException">A key could not be evaluated; nothing is accepted.</exception>
    internal IReadOnlyList<Stores.RunRequest> GetRunRequests(EventEnvelope envelope)
    {
        if (_flowControlledEvents.Count == 0 || !_flowControlledEvents.Contains(envelope.Name))
        {
            return GetRunRequests(envelope.Name);
        }

        if (_holdEvents.TryGetValue(envelope.Name, out var held))
        {
            return [global::AttrFanout.Triggers.HoldEvents.RunRequest(held, envelope)];
        }

        var functions = _functionsByEvent[envelope.Name];
        var runs = new List<Stores.RunRequest>(functions.Length);
        foreach (var function in functions)
        {
            if (function.HasFilter && !Sending.EventFilters.Accepts(function, envelope))
            {
                continue;
            }

            var keys = function.FlowControl is { } rules ? Sending.FlowKeys.Evaluate(function, rules, envelope.Payload) : null;
            if (Sending.TriggerKeys.Apply(function))
            {
                keys = Sending.TriggerKeys.Evaluate(function, keys, envelope.Payload);
            }

            var idempotency = function.FlowControl?.Idempotency is { } rule ? Sending.FlowKeys.EvaluateIdempotencyKey(function, rule, envelope.Payload) : null;
            runs.Add(new Stores.RunRequest(function.Id)
            {
                Keys = keys,
                IdempotencyKey = idempotency,
                IdempotentUntil = idempotency is null ? default : envelope.Timestamp + function.FlowControl!.Idempotency!.Period,
            });
        }

        return runs;
    }

    /// <summary>
    /// Invokes every function subscribed to <paramref name="envelope"/>'s event once, on the calling thread: no queue,
    /// no store, no retries. All functions are invoked even when one fails; the returned task then faults.
    /// </summary>
    /// <param name="envelope">The event.</param>
    /// <param name="services">The services the functions resolve their classes from.</param>
    /// <param name="context">The context passed to every function as is.</param>
    /// <param name="cancellationToken">Passed to every function.</param>
    /// <returns>A task completed once every function has; already completed, without allocation, when all completed synchronously.</returns>
    internal ValueTask InvokeInlineAsync(EventEnvelope envelope, IServiceProvider services, FunctionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return _functionsByEvent.TryGetValue(envelope.Name, out var functions)
            ? InlineDispatch.InvokeAllAsync(functions, services, envelope, context, cancellationToken)
            : ValueTask.CompletedTask;
    }

    /// <summary>Gets the declaration of <paramref name="eventName"/>, when one exists.</summary>
    /// <param name="eventName">The event name.</param>
    /// <param name="descriptor">The declaration.</param>
    public bool TryGetEvent(string eventName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EventDescriptor? descriptor) =>
        _eventsByName.TryGetValue(eventName, out descriptor);

    /// <summary>Gets the function whose Id is <paramref name="functionId"/>, when one exists.</summary>
    /// <param name="functionId">The function Id.</param>
    /// <param name="descriptor">The function.</param>
    public bool TryGetFunction(string functionId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FunctionDescriptor? descriptor) =>
        _functionsById.TryGetValue(functionId, out descriptor);

    /// <summary>
    /// Gets the triggers of the function whose Id is <paramref name="functionId"/>, one descriptor per event it subscribes to
    /// (the first is the one <see cref="Functions"/> lists); empty when no function has the Id.
    /// </summary>
    /// <param name="functionId">The function Id.</param>
    public IReadOnlyList<FunctionDescriptor> GetTriggers(string functionId) =>
        _triggersById.TryGetValue(functionId, out var triggers) ? triggers : [];

    /// <summary>Builds the catalog from the generated modules, rejecting conflicts the analyzers would have reported.</summary>
    /// <param name="builder">What the modules registered.</param>
    /// <exception cref="AttrFanoutConfigurationException">Two functions share an Id, or one event name has two payload types.</exception>
    internal static FunctionCatalog Create(FanoutModuleBuilder builder)
    {
        var functions = new List<FunctionDescriptor>();
        var triggers = new List<FunctionDescriptor>();
        var byId = new Dictionary<string, FunctionDescriptor>(StringComparer.Ordinal);
        var subscribed = new HashSet<(string Id, string EventName)>();
        foreach (var function in builder.Functions)
        {
            if (byId.TryGetValue(function.Id, out var existing) && !ReferenceEquals(existing, function) && existing.Handler != function.Handler)
            {
                throw new AttrFanoutConfigurationException(
                    $"Function Id '{function.Id}' is used by both '{existing.Handler}' and '{function.Handler}'. Give one of them another Id in its [OnEvent] attribute (build diagnostic AF0001).");
            }

            if (!subscribed.Add((function.Id, function.EventName)))
            {
                continue;
            }

            if (existing is null)
            {
                byId.Add(function.Id, function);
                functions.Add(function);
            }

            triggers.Add(function);
        }

        var events = new List<EventDescriptor>();
        var byName = new Dictionary<string, EventDescriptor>(StringComparer.Ordinal);
        foreach (var declared in builder.Events.Concat(ScheduleEvents(triggers)).Concat(global::AttrFanout.Triggers.HoldEvents.Declare(functions, builder.Events)))
        {
            if (byName.TryGetValue(declared.Name, out var existing))
            {
                if (existing.PayloadType != declared.PayloadType)
                {
                    throw new AttrFanoutConfigurationException(
                        $"Event '{declared.Name}' is declared by both '{existing.PayloadType.FullName}' and '{declared.PayloadType.FullName}'. An event has one payload type.");
                }

                continue;
            }

            byName.Add(declared.Name, declared);
            events.Add(declared);
        }

        return new FunctionCatalog(functions, triggers, events);
    }

    /// <summary>The event each scheduled function subscribes to, declared here so that every store can keep its ticks.</summary>
    private static IEnumerable<EventDescriptor> ScheduleEvents(List<FunctionDescriptor> functions)
    {
        foreach (var function in functions)
        {
            if (function.Schedule is null)
            {
                continue;
            }

            var expected = Schedules.ScheduleRule.EventNameFor(function.Id);
            if (!string.Equals(function.EventName, expected, StringComparison.Ordinal))
            {
                throw new AttrFanoutConfigurationException(
                    $"The scheduled function '{function.Id}' ({function.Handler}) subscribes to '{function.EventName}'; a schedule's event is '{expected}'.");
            }

            yield return new EventDescriptor<ScheduledTick>(expected, Schedules.ScheduledTickJsonContext.Default);
        }
    }
}
