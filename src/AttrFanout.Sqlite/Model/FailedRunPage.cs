namespace AttrFanout.Sqlite;

/// <summary>One page of failed runs, oldest failure first.</summary>
/// <param name="Runs">The runs on this page.</param>
/// <param name="Next">Where the next page starts, or <see langword="null"/> when this is the last page.</param>
internal sealed record FailedRunPage(IReadOnlyList<FailedRun> Runs, FailedRunCursor? Next);
