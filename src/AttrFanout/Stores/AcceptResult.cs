namespace AttrFanout.Stores;

/// <summary>What <see cref="IFanoutStore.AcceptAsync"/> did.</summary>
/// <param name="IsDuplicate">Whether the event's Id had been accepted before, so nothing was added.</param>
/// <param name="RunIds">The runs of the event: the new ones, or those of the first acceptance for a duplicate.</param>
public readonly record struct AcceptResult(bool IsDuplicate, IReadOnlyList<string> RunIds);
