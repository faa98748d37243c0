namespace AttrFanout.Sqlite;

/// <summary>What a prune deleted.</summary>
internal readonly record struct PruneResult(int SucceededRuns, int ExpiredFailedRuns, int Events);
