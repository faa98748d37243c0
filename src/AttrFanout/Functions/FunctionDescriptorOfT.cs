namespace AttrFanout;

/// <summary>Invokes one handler directly with its typed event; generated for every function.</summary>
/// <typeparam name="TPayload">The event's payload type.</typeparam>
/// <param name="services">The services of the run's scope.</param>
/// <param name="event">The event.</param>
/// <param name="context">The run's context.</param>
/// <param name="cancellationToken">Cancelled on timeout or shutdown.</param>
public delegate ValueTask FunctionInvoker<TPayload>(IServiceProvider services, Event<TPayload> @event, FunctionContext context, CancellationToken cancellationToken)
    where TPayload : notnull;

/// <summary>Invokes a batch handler (<see cref="BatchAttribute"/>) directly with its typed events; generated for every batch function.</summary>
/// <typeparam name="TPayload">The events' payload type.</typeparam>
/// <param name="services">The services of the run's scope.</param>
/// <param name="events">The batch's events, oldest first.</param>
/// <param name="context">The run's context.</param>
/// <param name="cancellationToken">Cancelled on timeout or shutdown.</param>
public delegate ValueTask BatchInvoker<TPayload>(IServiceProvider services, IReadOnlyList<Event<TPayload>> events, FunctionContext context, CancellationToken cancellationToken)
    where TPayload : notnull;

/// <summary>A function whose payload type is <typeparamref name="TPayload"/>.</summary>
/// <typeparam name="TPayload">
/// The event's payload type; for one trigger of a function with several, the handler's payload type, which the trigger's
/// payload converts to (or <see cref="object"/> when the handler takes none): the payload is cast to it.
/// </typeparam>
public sealed class FunctionDescriptor<TPayload> : FunctionDescriptor
    where TPayload : notnull
{
    private readonly FunctionInvoker<TPayload> _invoker;

    /// <summary>Creates a descriptor; the generator emits one per function.</summary>
    /// <param name="id">The function's Id.</param>
    /// <param name="eventName">The event it subscribes to.</param>
    /// <param name="invoker">Calls the handler.</param>
    public FunctionDescriptor(string id, string eventName, FunctionInvoker<TPayload> invoker)
        : base(id, eventName) => _invoker = invoker;

    /// <inheritdoc />
    public override Type PayloadType => typeof(TPayload);

    /// <summary>
    /// Gets the filter the generator emits from <see cref="OnEventAttribute.When"/>: an event it returns
    /// <see langword="false"/> for starts no run of this function. <see langword="null"/> for none.
    /// </summary>
    public Func<TPayload, bool>? When { get; init; }

    /// <summary>
    /// Gets the batch handler the generator emits for a function with <see cref="FunctionDescriptor.Batch"/>: a run of a
    /// batch calls it with every event of the batch. The descriptor's single-event invoker then calls it with a batch of one.
    /// </summary>
    public BatchInvoker<TPayload>? BatchInvoker { get; init; }

    /// <inheritdoc />
    public override bool HasFilter => When is not null;

    /// <inheritdoc />
    public override bool Accepts(EventEnvelope envelope) =>
        When is not { } when || (envelope is Event<TPayload> typed ? when(typed.Data) : when(Cast(envelope).Data));

    /// <inheritdoc />
    public override ValueTask InvokeAsync(IServiceProvider services, EventEnvelope envelope, FunctionContext context, CancellationToken cancellationToken)
    {
        return envelope is Event<TPayload> typed ? _invoker(services, typed, context, cancellationToken)
            : envelope is Event<Triggers.HeldBatch> batch && BatchInvoker is { } invokeBatch ? invokeBatch(services, batch.Data.As<TPayload>(), context, cancellationToken)
            : _invoker(services, Cast(envelope), context, cancellationToken);
    }

    /// <summary>The event with its payload cast to <typeparamref name="TPayload"/>, for a trigger whose payload type derives from it.</summary>
    private Event<TPayload> Cast(EventEnvelope envelope) =>
        envelope.Payload is TPayload payload
            ? new Event<TPayload>(envelope.Id, envelope.Name, envelope.Timestamp, payload)
            : throw WrongPayload(envelope);

    /// <inheritdoc />
    internal override EventEnvelope Envelope(string id, string name, DateTimeOffset timestamp, object payload) =>
        new Event<TPayload>(id, name, timestamp, (TPayload)payload);

    /// <inheritdoc />
    internal override EventDescriptor DescribeHoldEvent(string name, EventDescriptor? ownEvent) =>
        Batch is not null ? new Triggers.HeldBatchEventDescriptor(name, ownEvent)
        : ownEvent is EventDescriptor<TPayload> typed ? typed.Renamed(name)
        : new EventDescriptor<TPayload>(name);

    private InvalidOperationException WrongPayload(EventEnvelope envelope) => new(
        $"Function '{Id}' expects an event with a payload of type '{typeof(TPayload).FullName}', but event '{envelope.Id}' ('{envelope.Name}') carries '{envelope.Payload.GetType().FullName}'.");
}
