namespace AttrFanout.Sqlite;

/// <summary>Where the next page of failed runs starts: after this run in (failure time, run Id) order.</summary>
internal readonly record struct FailedRunCursor(DateTimeOffset FailedAt, string RunId);
