using System.ComponentModel.DataAnnotations;

namespace AttrFanout.Sqlite;

/// <summary>
/// Settings of the SQLite store. Every setting has a key under the <c>AttrFanout:Sqlite</c> configuration section (e.g.
/// <c>AttrFanout:Sqlite:LeaseDuration</c>); what code sets in <c>UseSqlite(..., s =&gt; ...)</c> wins over the section.
/// </summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "AttrFanout:Sqlite";

    /// <summary>Gets or sets the connection string, e.g. <c>Data Source=app.db</c>.</summary>
    /// <value>No default; required, unless <see cref="ConnectionStringName"/> names one.</value>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Gets or sets the name of a connection string in the <c>ConnectionStrings</c> configuration section to use when
    /// <see cref="ConnectionString"/> is not set (a set one wins), e.g. <c>Fanout</c> for <c>ConnectionStrings:Fanout</c>.
    /// </summary>
    /// <value>No default.</value>
    public string? ConnectionStringName { get; set; }

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
    [Range(1, 1_000_000)]
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
    [Range(1, 1_000_000)]
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
    [Range(1, 1_000_000)]
    public int MaxRunsPerLease { get; set; } = 16;
}
