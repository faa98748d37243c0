namespace AttrFanout.Stores;

/// <summary>An event to accept with the runs it starts, one per subscribed function.</summary>
/// <param name="Event">The event.</param>
/// <param name="Runs">Its runs.</param>
/// <param name="DeduplicateUntil">Until when the event's Id makes a later send a duplicate.</param>
/// <param name="TraceParent">The W3C trace context of the send, to link the runs' spans to it; <see langword="null"/> when not traced.</param>
public sealed record EventSubmission(EventEnvelope Event, IReadOnlyList<RunRequest> Runs, DateTimeOffset DeduplicateUntil, string? TraceParent)
{
    /// <summary>
    /// Gets whether the sender chose the event's Id. When <see langword="false"/>, the runtime generated a unique Id
    /// that no later send can repeat, so a store need not remember it for deduplication.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool IdChosenBySender { get; init; } = true;
}
