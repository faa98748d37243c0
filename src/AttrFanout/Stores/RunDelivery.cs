namespace AttrFanout.Stores;

/// <summary>
/// A due run handed to the engine to execute. A store may derive its own run record from it, so handing a run over
/// allocates nothing.
/// </summary>
/// <param name="RunId">The run's Id.</param>
/// <param name="FunctionId">The function's Id.</param>
/// <param name="Event">The event the run is for.</param>
/// <param name="Attempts">How many attempts already finished; the next attempt is <c>Attempts + 1</c>.</param>
/// <param name="DueAt">Since when the run has been waiting to start, for the queue-wait measure.</param>
/// <param name="Trace">The trace context of the send, or <see langword="null"/> when it was not traced.</param>
public record RunDelivery(string RunId, string FunctionId, EventEnvelope Event, int Attempts, DateTimeOffset DueAt, PropagatedContext? Trace)
{
    private Extras? _extras;

    /// <summary>Gets the run's Id; a store's own delivery may name it only when asked (the in-memory store does).</summary>
    public virtual string RunId { get; init; } = RunId;

    /// <summary>
    /// Gets when the run was created, when the store hands it over; with it the engine reports a run that ends in its
    /// first delivery to <see cref="IFunctionRuns.WaitForCompletionAsync"/> without reading the run back from the store.
    /// </summary>
    public DateTimeOffset? CreatedAt
    {
        get => _extras?.CreatedAt;
        init => _extras = (_extras ?? Extras.None) with { CreatedAt = value };
    }

    /// <summary>Gets the run's flow-control keys as accepted (<see cref="RunRequest.Keys"/>); <see langword="null"/> for none.</summary>
    public FlowControl.RunKeys? Keys
    {
        get => _extras?.Keys;
        init => _extras = (_extras ?? Extras.None) with { Keys = value };
    }

    /// <summary>Gets the Id of the failed run this run replays, when it is a replay and the store hands it over.</summary>
    public string? ReplayOf
    {
        get => _extras?.ReplayOf;
        init => _extras = (_extras ?? Extras.None) with { ReplayOf = value };
    }

    /// <summary>
    /// Gets why the run cannot execute, when the store could not decode its delivery (a payload that no longer
    /// deserializes, an event this app does not declare, a run given up after repeated crashes): the engine fails the run
    /// with this error through its one failure path (dead letter, <c>attrfanout/function.failed</c>, metric, log) without
    /// calling the function.
    /// </summary>
    public Exception? Poison
    {
        get => _extras?.Poison;
        init => _extras = (_extras ?? Extras.None) with { Poison = value };
    }

    /// <summary>
    /// Gets why the run is cancelled, when the store found, as it delivered it, that an event cancels it
    /// (<see cref="CancelOnAttribute"/>): the engine settles it <see cref="RunOutcomeKind.Cancelled"/> with this reason,
    /// counted and logged as any cancelled run, without calling the function.
    /// </summary>
    public string? CancelReason
    {
        get => _extras?.CancelReason;
        init => _extras = (_extras ?? Extras.None) with { CancelReason = value };
    }

    /// <summary>Creates the delivery of a run the store cannot decode, which the engine fails with <paramref name="cause"/>.</summary>
    /// <param name="runId">The run's Id.</param>
    /// <param name="functionId">The function's Id.</param>
    /// <param name="eventId">The event's Id.</param>
    /// <param name="eventName">The event's name.</param>
    /// <param name="eventTimestamp">When the event was accepted.</param>
    /// <param name="attempts">How many attempts already finished.</param>
    /// <param name="dueAt">Since when the run has been waiting.</param>
    /// <param name="cause">Why the run cannot execute; its type and message become the run's error.</param>
    /// <returns>A delivery whose <see cref="Poison"/> is <paramref name="cause"/>.</returns>
    public static RunDelivery Poisoned(string runId, string functionId, string eventId, string eventName, DateTimeOffset eventTimestamp, int attempts, DateTimeOffset dueAt, Exception cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return new RunDelivery(runId, functionId, new UndecodedEvent(eventId, eventName, eventTimestamp, cause), attempts, dueAt, Trace: null) { Poison = cause };
    }

    /// <summary>What few deliveries carry, kept apart so that a run record without them stays small.</summary>
    private sealed record Extras(DateTimeOffset? CreatedAt, string? ReplayOf, Exception? Poison, FlowControl.RunKeys? Keys = null, string? CancelReason = null)
    {
        public static readonly Extras None = new(null, null, null);
    }
}
