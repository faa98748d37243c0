namespace AttrFanout.Sqlite;

/// <summary>Where a run stands; stored as its integer value.</summary>
internal enum StoredRunStatus
{
    Pending = 0,
    Leased = 1,
    Succeeded = 2,
    Failed = 3,
    Skipped = 4,
    Cancelled = 5,
}
