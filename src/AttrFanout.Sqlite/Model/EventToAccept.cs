using AttrFanout.Stores;

namespace AttrFanout.Sqlite;

/// <summary>An event to persist with one run per subscribed function.</summary>
/// <param name="Id">The event's Id; a second accept with it within the idempotency window is a duplicate.</param>
/// <param name="Name">The event name.</param>
/// <param name="Timestamp">When the event was sent; stored with millisecond precision.</param>
/// <param name="Payload">The serialized payload, stored as given.</param>
/// <param name="Runs">One entry per subscribed function.</param>
/// <param name="Trace">The trace context of the send, or <see langword="null"/>.</param>
/// <param name="MayRepeat">
/// Whether the Id may have been accepted before (the sender chose it); a fresh generated Id cannot, and skips the
/// duplicate lookup.
/// </param>
internal sealed record EventToAccept(string Id, string Name, DateTimeOffset Timestamp, ReadOnlyMemory<byte> Payload, IReadOnlyList<RunToCreate> Runs, PropagatedContext? Trace = null, bool MayRepeat = true);
