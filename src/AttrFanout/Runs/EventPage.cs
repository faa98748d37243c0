namespace AttrFanout;

/// <summary>One page of events, most recently accepted first, and what the store could not include.</summary>
public sealed record EventPage
{
    /// <summary>Gets the events of the page.</summary>
    public required IReadOnlyList<EventRecord> Events { get; init; }

    /// <summary>Gets the cursor of the next page (<see cref="EventQuery.Cursor"/>), or <see langword="null"/> at the end.</summary>
    public string? NextCursor { get; init; }

    /// <summary>Gets what the listing leaves out because the store cannot know it (events or runs no longer kept); empty when complete.</summary>
    public IReadOnlyList<ListingGap> Incomplete { get; init; } = [];

    /// <summary>Gets whether the store listed every event that matches the filters, with all its runs.</summary>
    public bool IsComplete => Incomplete.Count == 0;
}
