namespace AttrFanout;

/// <summary>One page of runs, most recently created first, and what the store could not include.</summary>
public sealed record RunPage
{
    /// <summary>Gets the runs of the page.</summary>
    public required IReadOnlyList<FunctionRun> Runs { get; init; }

    /// <summary>Gets the cursor of the next page (<see cref="RunQuery.Cursor"/>), or <see langword="null"/> at the end.</summary>
    public string? NextCursor { get; init; }

    /// <summary>
    /// Gets what the listing leaves out because the store cannot know it (e.g. succeeded runs a transport does not keep),
    /// for the filters asked; empty when the listing is complete.
    /// </summary>
    public IReadOnlyList<ListingGap> Incomplete { get; init; } = [];

    /// <summary>Gets whether the store listed every run that matches the filters.</summary>
    public bool IsComplete => Incomplete.Count == 0;
}
