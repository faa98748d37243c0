namespace AttrFanout.Nats.Publishing;

/// <summary>What the server did with a publish.</summary>
/// <param name="Sequence">The message's sequence in the stream (the first one's, for a duplicate).</param>
/// <param name="IsDuplicate">Whether the message Id was seen within the duplicate window, so nothing was stored.</param>
internal readonly record struct PublishOutcome(ulong Sequence, bool IsDuplicate);
