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
