namespace AttrFanout.Stores.InMemory;

/// <summary>An accepted event Id, remembered for deduplication until <see cref="DeduplicateUntil"/>.</summary>
internal sealed record AcceptedEvent(string EventId, IReadOnlyList<string> RunIds, DateTimeOffset DeduplicateUntil);
