namespace AttrFanout.Sqlite;

/// <summary>Settings of the SQLite store.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Gets or sets the connection string, e.g. <c>Data Source=app.db</c>.</summary>
    /// <value>No default; required.</value>
    public string ConnectionString { get; set; } = "";

    /// <summary>Gets or sets how hard each commit is pushed to disk.</summary>
    /// <value><see cref="SqliteDurability.Full"/>.</value>
    public SqliteDurability Durability { get; set; } = SqliteDurability.Full;

    /// <summary>Gets or sets how long a write waits for another process that holds the database's write lock.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long an event Id is remembered: a second accept with the same Id within it is a duplicate.</summary>
    /// <value>24 hours.</value>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets how long succeeded runs and finished events are kept before pruning deletes them.</summary>
    /// <value>24 hours. Events are kept at least <see cref="IdempotencyWindow"/> and while any of their runs is kept.</value>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets how long failed runs are kept when nobody replays them; <see langword="null"/> keeps them until replayed.</summary>
    /// <value>30 days.</value>
    public TimeSpan? FailedRetentionPeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets the most writes committed together in one transaction.</summary>
    /// <value>512.</value>
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>
    /// Gets or sets how long a run taken by a process stays reserved to it. The lease is renewed while the run executes;
    /// when the process dies, another one (or the same after restart) takes the run again once the lease ran out.
    /// </summary>
    /// <value>30 seconds.</value>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how often the file is checked for runs that became due without this process knowing: retries
    /// scheduled before a restart, runs of another process, expired leases. Runs accepted here start at once.
    /// </summary>
    /// <value>1 second.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how often what <see cref="RetentionPeriod"/> and <see cref="FailedRetentionPeriod"/> no longer keep is deleted.</summary>
    /// <value>10 minutes.</value>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Gets or sets how many times one attempt of a run may be taken without finishing (its process died each time)
    /// before the run is failed instead of taken again, so a run that crashes its worker does not loop forever.
    /// </summary>
    /// <value>3.</value>
    public int MaxLeasesPerAttempt { get; set; } = 3;

    /// <summary>
    /// Gets or sets how many due runs of one function a process leases in one transaction when its worker has
    /// capacity; the ones not started at once wait in process, their leases renewed, and go back to the file on shutdown.
    /// While runs of a function wait in process, the next lease from the file comes at the latest after this many takes.
    /// </summary>
    /// <remarks>
    /// Runs accepted by this process are leased to it in the accept's transaction while fewer of their function's runs
    /// wait in process than the engine may run of that function at once (at least this many).
    /// </remarks>
    /// <value>16.</value>
    public int MaxRunsPerLease { get; set; } = 16;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("SqliteStoreOptions.ConnectionString is required, e.g. \"Data Source=app.db\".", nameof(ConnectionString));
        }

        RequirePositive(BusyTimeout, nameof(BusyTimeout));
        RequirePositive(IdempotencyWindow, nameof(IdempotencyWindow));
        RequirePositive(RetentionPeriod, nameof(RetentionPeriod));
        if (FailedRetentionPeriod is { } failed)
        {
            RequirePositive(failed, nameof(FailedRetentionPeriod));
        }

        RequirePositive(LeaseDuration, nameof(LeaseDuration));
        RequirePositive(PollInterval, nameof(PollInterval));
        RequirePositive(PruneInterval, nameof(PruneInterval));
        if (MaxRunsPerLease < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRunsPerLease), MaxRunsPerLease, "SqliteStoreOptions.MaxRunsPerLease must be at least 1.");
        }

        if (MaxLeasesPerAttempt < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLeasesPerAttempt), MaxLeasesPerAttempt, "SqliteStoreOptions.MaxLeasesPerAttempt must be at least 1.");
        }

        if (MaxBatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBatchSize), MaxBatchSize, "SqliteStoreOptions.MaxBatchSize must be at least 1.");
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"SqliteStoreOptions.{name} must be positive.");
        }
    }
}
