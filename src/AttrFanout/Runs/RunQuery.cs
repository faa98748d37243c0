namespace AttrFanout;

/// <summary>
/// Which runs <see cref="IFunctionRuns.ListAsync"/> lists, most recently created first, a page at a time; unset filters
/// match everything.
/// </summary>
public sealed record RunQuery
{
    /// <summary>The page size when none is given.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The largest page size.</summary>
    public const int MaxLimit = 500;

    /// <summary>Gets the statuses to list; <see langword="null"/> or empty lists every status.</summary>
    public IReadOnlySet<RunStatus>? Statuses { get; init; }

    /// <summary>Gets the function whose runs to list.</summary>
    public string? FunctionId { get; init; }

    /// <summary>Gets the name of the event whose runs to list.</summary>
    public string? EventName { get; init; }

    /// <summary>Gets the Id of the event whose runs to list.</summary>
    public string? EventId { get; init; }

    /// <summary>Gets the earliest creation time to list (inclusive).</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Gets the latest creation time to list (exclusive).</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>Gets the most runs one page holds, from 1 to <see cref="MaxLimit"/>.</summary>
    /// <value>The default is <see cref="DefaultLimit"/>.</value>
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>
    /// Gets where the page starts: <see langword="null"/> for the first page, else the <see cref="RunPage.NextCursor"/>
    /// of the previous page, passed back unchanged with the same filters.
    /// </summary>
    public string? Cursor { get; init; }

    /// <summary>Returns whether runs of <paramref name="status"/> are listed.</summary>
    /// <param name="status">A status.</param>
    public bool Includes(RunStatus status) => Statuses is not { Count: > 0 } statuses || statuses.Contains(status);

    /// <summary>Returns whether <paramref name="run"/> matches the query's filters (not its page).</summary>
    /// <param name="run">A run.</param>
    public bool Matches(FunctionRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Includes(run.Status)
            && (FunctionId is null || string.Equals(run.FunctionId, FunctionId, StringComparison.Ordinal))
            && (EventName is null || string.Equals(run.EventName, EventName, StringComparison.Ordinal))
            && (EventId is null || string.Equals(run.EventId, EventId, StringComparison.Ordinal))
            && (CreatedFrom is null || run.CreatedAt >= CreatedFrom)
            && (CreatedBefore is null || run.CreatedAt < CreatedBefore);
    }
}
