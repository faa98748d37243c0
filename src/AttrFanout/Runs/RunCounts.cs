namespace AttrFanout;

/// <summary>The live run counts of every function, and what the store could not count.</summary>
public sealed record RunCounts
{
    /// <summary>Gets the counts, one entry per function, ordered by function Id.</summary>
    public required IReadOnlyList<FunctionRunCounts> Functions { get; init; }

    /// <summary>Gets what the counts leave out and why (a count the store cannot make is <see langword="null"/> and said here); empty when complete.</summary>
    public IReadOnlyList<ListingGap> Incomplete { get; init; } = [];

    /// <summary>Gets whether every count is known.</summary>
    public bool IsComplete => Incomplete.Count == 0;
}
