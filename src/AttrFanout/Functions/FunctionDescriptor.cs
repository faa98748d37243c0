namespace AttrFanout;

/// <summary>
/// One function as the generated dispatch table describes it: Id, event, settings and a direct invoker. A function with
/// several triggers has one descriptor per trigger, all with its Id (see <see cref="FunctionCatalog.GetTriggers"/>).
/// </summary>
public abstract class FunctionDescriptor
{
    private protected FunctionDescriptor(string id, string eventName)
    {
        Id = id;
        EventName = eventName;
    }

    /// <summary>Gets the function's Id.</summary>
    public string Id { get; }

    /// <summary>Gets the name of the event the function (or this trigger of it) subscribes to.</summary>
    public string EventName { get; }

    /// <summary>Gets the payload type the function receives.</summary>
    public abstract Type PayloadType { get; }

    /// <summary>Gets the handler as written, e.g. <c>MyApp.Welcome.Send</c>, for logs and errors.</summary>
    public string Handler { get; init; } = "";

    /// <summary>Gets the retries set on the attribute, or <see langword="null"/> for the configured default.</summary>
    public int? Retries { get; init; }

    /// <summary>Gets the attempt timeout set on the attribute, or <see langword="null"/> for the configured default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets the concurrency limit set on the attribute, or <see langword="null"/> for none.</summary>
    public int? Concurrency { get; init; }

    /// <summary>Gets the name of the app's resilience pipeline set on the attribute, or <see langword="null"/> for none.</summary>
    public string? Pipeline { get; init; }

    /// <summary>
    /// Gets the function's flow-control rules (<see cref="ConcurrencyAttribute"/> and its siblings), or <see langword="null"/>
    /// for a function without any, which pays nothing for the feature.
    /// </summary>
    public FlowControl.FunctionFlowControl? FlowControl { get; init; }

    /// <summary>
    /// Gets the function's schedule (<see cref="OnScheduleAttribute"/>), or <see langword="null"/> for a function started by
    /// events only. A scheduled function subscribes to <see cref="Schedules.ScheduleRule.EventNameFor"/> its Id.
    /// </summary>
    public Schedules.ScheduleRule? Schedule { get; init; }

    /// <summary>
    /// Gets the function's debounce (<see cref="DebounceAttribute"/>), or <see langword="null"/> for none: an event of the
    /// function is held per key, and only the last of a burst runs.
    /// </summary>
    public Triggers.DebounceRule? Debounce { get; init; }

    /// <summary>
    /// Gets the function's batching (<see cref="BatchAttribute"/>), or <see langword="null"/> for none: events of the
    /// function are held per key and run together.
    /// </summary>
    public Triggers.BatchRule? Batch { get; init; }

    /// <summary>Gets the events that cancel the function's runs (<see cref="CancelOnAttribute"/>); empty for none.</summary>
    public IReadOnlyList<Triggers.CancelOnRule> CancelOn { get; init; } = [];

    /// <summary>Gets whether the handler is an instance method whose class is resolved from a service scope per run.</summary>
    public bool RequiresServices { get; init; }

    /// <summary>Gets whether the function has a filter (<see cref="OnEventAttribute.When"/>), evaluated at send.</summary>
    public abstract bool HasFilter { get; }

    /// <summary>Returns whether <paramref name="envelope"/> starts a run of the function: its filter's answer, or <see langword="true"/> without one.</summary>
    /// <param name="envelope">The event; its payload must be of (or convert to) <see cref="PayloadType"/>.</param>
    public abstract bool Accepts(EventEnvelope envelope);

    /// <summary>Invokes the handler once for <paramref name="envelope"/>.</summary>
    /// <param name="services">The services of the run's scope.</param>
    /// <param name="envelope">The event; its payload must be of (or convert to) <see cref="PayloadType"/>.</param>
    /// <param name="context">The run's context.</param>
    /// <param name="cancellationToken">Cancelled on timeout or shutdown.</param>
    public abstract ValueTask InvokeAsync(IServiceProvider services, EventEnvelope envelope, FunctionContext context, CancellationToken cancellationToken);

    /// <summary>Wraps <paramref name="payload"/>, of <see cref="PayloadType"/>, in a typed event (the event of a debounce).</summary>
    internal abstract EventEnvelope Envelope(string id, string name, DateTimeOffset timestamp, object payload);

    /// <summary>Declares the event that starts the function's debounce or batch runs, from the declaration of its own event when there is one.</summary>
    internal abstract EventDescriptor DescribeHoldEvent(string name, EventDescriptor? ownEvent);
}
