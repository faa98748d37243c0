namespace AttrFanout.Dashboard.Pages;

/// <summary>Each function's runs by status, as far as the store counts them; a status it cannot count shows as unknown.</summary>
internal sealed class RunCounts
{
    public sealed record Column(string Label, RunStatus Status, string Page, string CssClass);

    public static readonly IReadOnlyList<Column> Columns =
    [
        new("Waiting", RunStatus.Pending, "runs?status=pending&", "count-waiting"),
        new("Running", RunStatus.Running, "runs?status=running&", "count-running"),
        new("Retrying", RunStatus.RetryScheduled, "runs?status=retryscheduled&", "count-retrying"),
        new("Failed", RunStatus.Failed, "failed?", "count-failed"),
    ];

    private const int FailedScanLimit = 10_000;

    private readonly Dictionary<(string Function, RunStatus Status), int> _counts = [];
    private readonly HashSet<RunStatus> _known = [];

    public List<string> Notes { get; } = [];

    public int? Of(string functionId, Column column) =>
        !_known.Contains(column.Status) ? null : _counts.GetValueOrDefault((functionId, column.Status));

    public static async Task<RunCounts> ReadAsync(IFunctionRuns runs, CancellationToken cancellationToken)
    {
        var counts = new RunCounts();
        var failed = await runs.ListFailedAsync(new FailedRunQuery { Limit = FailedScanLimit }, cancellationToken).ConfigureAwait(false);
        counts._known.Add(RunStatus.Failed);
        foreach (var run in failed)
        {
            counts._counts[(run.FunctionId, RunStatus.Failed)] = counts._counts.GetValueOrDefault((run.FunctionId, RunStatus.Failed)) + 1;
        }

        if (failed.Count >= FailedScanLimit)
        {
            counts.Notes.Add($"Failed counts stop at the first {FailedScanLimit:N0} failed runs.");
        }

        counts.Notes.Add("Waiting, running and retrying runs are not counted by this version of the runs API.");
        return counts;
    }
}
