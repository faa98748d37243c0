namespace AttrFanout.Sqlite;

/// <summary>Which failed runs to list or replay; every criterion left <see langword="null"/> matches all.</summary>
/// <param name="FunctionId">Only runs of this function.</param>
/// <param name="EventName">Only runs of events with this name.</param>
/// <param name="FailedFrom">Only runs that failed at or after this time.</param>
/// <param name="FailedBefore">Only runs that failed before this time.</param>
internal sealed record FailedRunFilter(
    string? FunctionId = null,
    string? EventName = null,
    DateTimeOffset? FailedFrom = null,
    DateTimeOffset? FailedBefore = null)
{
    public static FailedRunFilter All { get; } = new();
}
