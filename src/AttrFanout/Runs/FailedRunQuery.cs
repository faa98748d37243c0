namespace AttrFanout;

/// <summary>Which failed runs to list; unset filters match everything.</summary>
public sealed record FailedRunQuery
{
    /// <summary>Gets the function whose runs to list.</summary>
    public string? FunctionId { get; init; }

    /// <summary>Gets the event name whose runs to list.</summary>
    public string? EventName { get; init; }

    /// <summary>Gets the earliest failure time to list (inclusive).</summary>
    public DateTimeOffset? FailedFrom { get; init; }

    /// <summary>Gets the latest failure time to list (exclusive).</summary>
    public DateTimeOffset? FailedBefore { get; init; }

    /// <summary>Gets whether failed runs that were already replayed are listed too.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool IncludeReplayed { get; init; }

    /// <summary>Gets the most runs to return, oldest failure first.</summary>
    /// <value>The default is 100.</value>
    public int Limit { get; init; } = 100;

    /// <summary>Returns whether <paramref name="run"/> matches the query's filters (not the limit).</summary>
    /// <param name="run">A failed run.</param>
    public bool Matches(FunctionRun run) =>
        run.Status == RunStatus.Failed
        && (IncludeReplayed || run.ReplayedBy is null)
        && (FunctionId is null || string.Equals(run.FunctionId, FunctionId, StringComparison.Ordinal))
        && (EventName is null || string.Equals(run.EventName, EventName, StringComparison.Ordinal))
        && (FailedFrom is null || run.FailedAt >= FailedFrom)
        && (FailedBefore is null || run.FailedAt < FailedBefore);
}
