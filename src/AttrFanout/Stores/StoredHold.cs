using AttrFanout.Triggers;

namespace AttrFanout.Stores;

/// <summary>One hold as a store keeps it (<see cref="IEventHoldStore"/>).</summary>
/// <param name="FunctionId">The function.</param>
/// <param name="Key">The hold's key; empty for a function without a key.</param>
/// <param name="Events">The events held.</param>
/// <param name="DueAt">When the hold's run is due.</param>
/// <param name="Version">The store's version of the record, for the next compare-and-set.</param>
public sealed record StoredHold(string FunctionId, string Key, HeldEvents Events, DateTimeOffset DueAt, long Version);

/// <summary>A hold's place in the list of holds: which one, and when its run is due.</summary>
/// <param name="FunctionId">The function.</param>
/// <param name="Key">The hold's key.</param>
/// <param name="DueAt">When the hold's run is due.</param>
public sealed record HoldDue(string FunctionId, string Key, DateTimeOffset DueAt);
