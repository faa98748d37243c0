namespace AttrFanout;

/// <summary>
/// Which events <see cref="IFunctionRuns.ListEventsAsync"/> lists, most recently accepted first, a page at a time; unset
/// filters match everything.
/// </summary>
public sealed record EventQuery
{
    /// <summary>Gets the event name to list.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the event Id to list.</summary>
    public string? EventId { get; init; }

    /// <summary>Gets the earliest event timestamp to list (inclusive).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the latest event timestamp to list (exclusive).</summary>
    public DateTimeOffset? Before { get; init; }

    /// <summary>Gets the most events one page holds, from 1 to <see cref="RunQuery.MaxLimit"/>.</summary>
    /// <value>The default is <see cref="RunQuery.DefaultLimit"/>.</value>
    public int Limit { get; init; } = RunQuery.DefaultLimit;

    /// <summary>
    /// Gets where the page starts: <see langword="null"/> for the first page, else the <see cref="EventPage.NextCursor"/>
    /// of the previous page, passed back unchanged with the same filters.
    /// </summary>
    public string? Cursor { get; init; }

    /// <summary>Returns whether an event matches the query's filters (not its page).</summary>
    /// <param name="id">The event's Id.</param>
    /// <param name="name">The event's name.</param>
    /// <param name="timestamp">The event's timestamp.</param>
    public bool Matches(string id, string name, DateTimeOffset timestamp) =>
        (Name is null || string.Equals(name, Name, StringComparison.Ordinal))
        && (EventId is null || string.Equals(id, EventId, StringComparison.Ordinal))
        && (From is null || timestamp >= From)
        && (Before is null || timestamp < Before);
}
