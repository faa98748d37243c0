namespace AttrFanout;

/// <summary>An event with its typed payload; a handler may take it instead of the bare payload.</summary>
/// <typeparam name="TPayload">The event's payload type.</typeparam>
public sealed class Event<TPayload> : EventEnvelope
    where TPayload : notnull
{
    /// <summary>Creates an event.</summary>
    /// <param name="id">The event Id.</param>
    /// <param name="name">The event name.</param>
    /// <param name="timestamp">When the event was accepted.</param>
    /// <param name="data">The payload.</param>
    public Event(string id, string name, DateTimeOffset timestamp, TPayload data)
        : base(id, name, timestamp) => Data = data;

    /// <summary>Gets the payload.</summary>
    public TPayload Data { get; }

    private protected override object PayloadCore => Data;
}
