namespace AttrFanout.Stores;

/// <summary>A due run handed to the engine to execute.</summary>
/// <param name="RunId">The run's Id.</param>
/// <param name="FunctionId">The function's Id.</param>
/// <param name="Event">The event the run is for.</param>
/// <param name="Attempts">How many attempts already finished; the next attempt is <c>Attempts + 1</c>.</param>
/// <param name="DueAt">Since when the run has been waiting to start, for the queue-wait measure.</param>
/// <param name="TraceParent">The W3C trace context of the send, or <see langword="null"/>.</param>
public sealed record RunDelivery(string RunId, string FunctionId, EventEnvelope Event, int Attempts, DateTimeOffset DueAt, string? TraceParent)
{
    /// <summary>
    /// Gets when the run was created, when the store hands it over; with it the engine reports a run that ends in its
    /// first delivery to <see cref="IFunctionRuns.WaitForCompletionAsync"/> without reading the run back from the store.
    /// </summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets the Id of the failed run this run replays, when it is a replay and the store hands it over.</summary>
    public string? ReplayOf { get; init; }
}
