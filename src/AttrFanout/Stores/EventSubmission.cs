namespace AttrFanout.Stores;

/// <summary>An event to accept with the runs it starts, one per subscribed function.</summary>
/// <param name="Event">The event.</param>
/// <param name="Runs">Its runs.</param>
/// <param name="DeduplicateUntil">Until when the event's Id makes a later send a duplicate.</param>
/// <param name="Trace">
/// The trace context of the send, which the store keeps with the runs and hands back in <see cref="RunDelivery.Trace"/>;
/// <see langword="null"/> when not traced.
/// </param>
public sealed record EventSubmission(EventEnvelope Event, IReadOnlyList<RunRequest> Runs, DateTimeOffset DeduplicateUntil, PropagatedContext? Trace)
{
    /// <summary>
    /// Gets whether the sender chose the event's Id. When <see langword="false"/>, the runtime generated a unique Id
    /// that no later send can repeat, so a store need not remember it for deduplication.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool IdChosenBySender { get; init; } = true;

    /// <summary>
    /// Gets the payload as UTF-8 JSON, serialized once by the engine and already checked against
    /// <see cref="AttrFanoutOptions.MaxPayloadBytes"/>; <see langword="null"/> when the event was registered without a
    /// serializer. Stores that keep or send payloads as bytes use these instead of serializing again.
    /// </summary>
    public byte[]? Payload { get; init; }

    /// <summary>
    /// Gets whether the event was sent from inside an executing function (or by the engine itself). A store with a
    /// bounded queue accepts such an event without waiting for room: the room would come from the very runs the sender holds up.
    /// </summary>
    public bool SentFromFunction { get; init; }
}
