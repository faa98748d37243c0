using AttrFanout.Stores;

namespace AttrFanout.Nats.Wire;

/// <summary>An event as it travels through JetStream: identity and metadata in headers, payload bytes as the body.</summary>
/// <param name="Id">The event Id (the message's <c>Nats-Msg-Id</c>).</param>
/// <param name="Name">The event name.</param>
/// <param name="Timestamp">When the event was accepted.</param>
/// <param name="Payload">The serialized payload, opaque to the transport.</param>
/// <param name="Trace">The trace context of the send (<see cref="TraceHeaders"/>), or <see langword="null"/>.</param>
internal sealed record WireEvent(string Id, string Name, DateTimeOffset Timestamp, ReadOnlyMemory<byte> Payload, PropagatedContext? Trace)
{
    /// <summary>Gets headers the event carries for single functions (<see cref="RunHeaders"/>): their keys, their idempotent exclusions.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? FunctionHeaders { get; init; }
}
