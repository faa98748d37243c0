namespace AttrFanout.Dashboard.Pages;

/// <summary>The run counts the functions page shows, from <see cref="IFunctionRuns.CountAsync"/>; a count the store cannot make shows as unknown.</summary>
internal sealed class StatusCounts(AttrFanout.RunCounts counts)
{
    public sealed record Column(string Label, RunStatus Status, string Page, string CssClass);

    public static readonly IReadOnlyList<Column> Columns =
    [
        new("Waiting", RunStatus.Pending, "runs?status=pending&", "count-waiting"),
        new("Running", RunStatus.Running, "runs?status=running&", "count-running"),
        new("Retrying", RunStatus.RetryScheduled, "runs?status=retryscheduled&", "count-retrying"),
        new("Failed", RunStatus.Failed, "failed?", "count-failed"),
    ];

    private readonly Dictionary<string, FunctionRunCounts> _byFunction = counts.Functions.ToDictionary(static c => c.FunctionId, StringComparer.Ordinal);

    public IReadOnlyList<ListingGap> Incomplete => counts.Incomplete;

    public int? Of(string functionId, Column column) =>
        _byFunction.TryGetValue(functionId, out var function) ? function.Of(column.Status) : null;

    public static async Task<StatusCounts> ReadAsync(IFunctionRuns runs, CancellationToken cancellationToken) =>
        new(await runs.CountAsync(cancellationToken).ConfigureAwait(false));
}
