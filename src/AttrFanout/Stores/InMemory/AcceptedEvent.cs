namespace AttrFanout.Stores.InMemory;

/// <summary>An accepted event Id, remembered for deduplication until <see cref="DeduplicateUntil"/>; <see cref="Sequence"/> is the event's place in the store.</summary>
internal sealed record AcceptedEvent(string EventId, IReadOnlyList<string> RunIds, DateTimeOffset DeduplicateUntil, ulong Sequence);
