namespace AttrFanout.Sqlite;

/// <summary>What an accept did.</summary>
/// <param name="IsDuplicate">Whether the event Id was already accepted within the window, so nothing was written.</param>
/// <param name="RunIds">The runs created, in the order of <see cref="EventToAccept.Runs"/>; for a duplicate, the original event's runs still stored.</param>
/// <param name="AcceptedAt">When the transaction that stored the event began; leases taken on accept run from it.</param>
internal sealed record AcceptOutcome(bool IsDuplicate, IReadOnlyList<string> RunIds, DateTimeOffset AcceptedAt = default);
