namespace AttrFanout.Sqlite;

/// <summary>How hard each commit is pushed to disk. The journal is always WAL.</summary>
public enum SqliteDurability
{
    /// <summary>
    /// <c>synchronous=FULL</c>: every commit is flushed to the disk before it is acknowledged, so an accepted
    /// event survives a process crash and a power loss. Group commit amortises the flush over concurrent writes.
    /// </summary>
    Full,

    /// <summary>
    /// <c>synchronous=NORMAL</c>: commits survive a process crash, but the last ones may roll back after a power
    /// loss or an operating-system crash. Faster on slow disks.
    /// </summary>
    Normal,
}
