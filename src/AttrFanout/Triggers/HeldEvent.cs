namespace AttrFanout.Triggers;

/// <summary>One event held by a debounce or a batch.</summary>
/// <param name="Id">The event's Id.</param>
/// <param name="Timestamp">The event's timestamp.</param>
/// <param name="HeldAt">When the engine added it to the hold.</param>
/// <param name="Bytes">The size of its payload as JSON, counted against <see cref="BatchRule.MaxBytes"/>.</param>
public sealed record HeldEvent(string Id, DateTimeOffset Timestamp, DateTimeOffset HeldAt, int Bytes)
{
    /// <summary>Gets the payload as UTF-8 JSON, for a store that keeps bytes; empty when <see cref="Event"/> carries it.</summary>
    public ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>Gets the event's position in its store, when known: it orders events of the same timestamp.</summary>
    public ulong Sequence { get; init; }

    /// <summary>Gets the event itself, for a store that keeps objects (in memory); <see langword="null"/> when read from bytes.</summary>
    public EventEnvelope? Event { get; init; }
}
