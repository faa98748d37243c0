using AttrFanout.Sqlite.Flow;
using AttrFanout.Sqlite.Leasing;
using AttrFanout.Sqlite.Outcomes;
using AttrFanout.Sqlite.Queries;
using AttrFanout.Sqlite.Schema;
using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace AttrFanout.Sqlite;

/// <summary>
/// The durable store of events and runs in one SQLite file. Every write goes through one group-commit writer
/// (one connection, one transaction per batch); reads use connections of their own, concurrent thanks to WAL.
/// Several stores (processes) may share a file: each write transaction takes the file's write lock.
/// </summary>
internal sealed class SqliteRunStore : IAsyncDisposable
{
    private readonly SqliteStoreOptions _options;
    private readonly ConnectionFactory _connections;

    private SqliteRunStore(SqliteStoreOptions options, ConnectionFactory connections, GroupCommitWriter writer, int schemaVersion)
    {
        _options = options;
        _connections = connections;
        Writer = writer;
        SchemaVersion = schemaVersion;
    }

    /// <summary>Gets the schema version of the file, after migration.</summary>
    public int SchemaVersion { get; }

    internal GroupCommitWriter Writer { get; }

    /// <summary>Opens (creating or migrating as needed) the database and starts the writer.</summary>
    public static SqliteRunStore Open(SqliteStoreOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Configuration.SqliteStoreSettings.ThrowIfInvalid(options);
        var connections = new ConnectionFactory(options);
        var connection = connections.Open();
        try
        {
            ConnectionFactory.EnableWal(connection);
            var version = SchemaMigrator.Migrate(connection, Migrations.All);
            var writer = new GroupCommitWriter(connection, time ?? TimeProvider.System, options.MaxBatchSize);
            return new SqliteRunStore(options, connections, writer, version);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Stores an event and one run per function in one transaction; returns after the commit. A run with a
    /// <see cref="RunToCreate.LeaseOwner"/> is stored already leased to that owner for the lease duration of the options.
    /// </summary>
    /// <remarks>The payload's memory is read when the batch is written: it must not change until the returned task completed.</remarks>
    public Task<AcceptOutcome> AcceptAsync(EventToAccept @event, CancellationToken cancellationToken = default)
    {
        Validate(@event);
        cancellationToken.ThrowIfCancellationRequested();
        return Writer.EnqueueAsync(new AcceptOperation(@event, _options.IdempotencyWindow, _options.LeaseDuration));
    }

    /// <summary>Leases up to <paramref name="maxRuns"/> runs that are due, or whose lease expired, to <paramref name="owner"/>.</summary>
    public Task<IReadOnlyList<LeasedRun>> LeaseDueAsync(string owner, int maxRuns, TimeSpan leaseDuration, CancellationToken cancellationToken = default) =>
        LeaseDueAsync(owner, maxRuns, leaseDuration, functionId: null, cancellationToken);

    /// <summary>Leases up to <paramref name="maxRuns"/> available runs of <paramref name="functionId"/> (of any function when <see langword="null"/>) to <paramref name="owner"/>.</summary>
    public Task<IReadOnlyList<LeasedRun>> LeaseDueAsync(string owner, int maxRuns, TimeSpan leaseDuration, string? functionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRuns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        return Writer.EnqueueAsync(new LeaseOperation(owner, maxRuns, leaseDuration, functionId));
    }

    /// <summary>Extends the lease of a run <paramref name="owner"/> holds to now + <paramref name="leaseDuration"/>; false when it no longer holds it.</summary>
    public Task<bool> RenewLeaseAsync(string runId, string owner, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        return Writer.EnqueueAsync(new RenewLeaseOperation(runId, owner, leaseDuration));
    }

    /// <summary>Records how an attempt of a run leased to <paramref name="owner"/> ended; false when it no longer holds the lease.</summary>
    public Task<bool> RecordOutcomeAsync(string runId, string owner, RunOutcome outcome, CancellationToken cancellationToken = default) =>
        RecordOutcomeAsync(runId, owner, outcome, at: null, cancellationToken);

    /// <summary>Records the outcome of a leased run as happened at <paramref name="at"/> (the write's own time when <see langword="null"/>); false when the owner no longer holds it.</summary>
    public Task<bool> RecordOutcomeAsync(string runId, string owner, RunOutcome outcome, DateTimeOffset? at, CancellationToken cancellationToken = default) =>
        RecordOutcomeAsync(runId, owner, outcome, at, attempt: null, cancellationToken);

    /// <summary>Records the outcome of a leased run as happened at <paramref name="at"/>, with the attempt it ends (kept in the same transaction).</summary>
    public Task<bool> RecordOutcomeAsync(string runId, string owner, RunOutcome outcome, DateTimeOffset? at, RunAttempt? attempt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome is RunOutcome.RetryScheduled { NextAttempt: < 1 } retry)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), retry.NextAttempt, "The next attempt of a scheduled retry must be at least 1.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Writer.EnqueueAsync(new RecordOutcomeOperation(runId, owner, outcome, at, attempt));
    }

    /// <summary>Hands one run leased by <paramref name="owner"/> back to pending at <paramref name="attempt"/>; false when it no longer holds it.</summary>
    public Task<bool> ReleaseRunAsync(string runId, string owner, int attempt, CancellationToken cancellationToken = default) =>
        ReleaseRunAsync(runId, owner, attempt, interrupted: null, cancellationToken);

    /// <summary>Hands one run leased by <paramref name="owner"/> back to pending at <paramref name="attempt"/>, keeping the <paramref name="interrupted"/> attempt.</summary>
    public Task<bool> ReleaseRunAsync(string runId, string owner, int attempt, RunAttempt? interrupted, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        cancellationToken.ThrowIfCancellationRequested();
        return Writer.EnqueueAsync(new ReleaseRunOperation(runId, owner, attempt, interrupted));
    }

    /// <summary>Replays the failed run <paramref name="runId"/> as the new pending run <paramref name="newRunId"/>; false when no unreplayed failed run has the Id.</summary>
    public Task<bool> ReplayAsNewRunAsync(string runId, string newRunId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(newRunId);
        cancellationToken.ThrowIfCancellationRequested();
        return Writer.EnqueueAsync(new ReplayAsNewRunOperation(runId, newRunId));
    }

    /// <summary>Returns every run leased by <paramref name="owner"/> to pending (graceful shutdown); returns how many.</summary>
    public Task<int> ReleaseLeasesAsync(string owner, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        cancellationToken.ThrowIfCancellationRequested();
        return Writer.EnqueueAsync(new ReleaseLeasesOperation(owner));
    }

    /// <summary>Makes the given failed runs pending again, due now, at attempt 1; returns how many were failed and replayed.</summary>
    public Task<int> ReplayAsync(IReadOnlyCollection<string> runIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        cancellationToken.ThrowIfCancellationRequested();
        return Writer.EnqueueAsync(new ReplayOperation(runIds));
    }

    /// <summary>Makes every failed run that matches <paramref name="filter"/> pending again; returns how many.</summary>
    public Task<int> ReplayAsync(FailedRunFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cancellationToken.ThrowIfCancellationRequested();
        return Writer.EnqueueAsync(new ReplayOperation(filter));
    }

    /// <summary>Deletes what the retention settings no longer keep.</summary>
    public Task<PruneResult> PruneAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Writer.EnqueueAsync(new PruneOperation(_options.RetentionPeriod, _options.FailedRetentionPeriod, _options.IdempotencyWindow));
    }

    /// <summary>Takes one of <paramref name="limit"/> places of <paramref name="slot"/> for <paramref name="holder"/> until <paramref name="leaseUntil"/>; holders whose lease ended by <paramref name="now"/> do not count.</summary>
    public Task<bool> TryAcquireSlotAsync(string slot, int limit, string holder, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(slot);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        cancellationToken.ThrowIfCancellationRequested();
        return Writer.EnqueueAsync(new AcquireSlotOperation(slot, limit, holder, now, leaseUntil));
    }

    /// <summary>Extends <paramref name="holder"/>'s lease on <paramref name="slot"/>; false when its lease had ended or it holds none.</summary>
    public Task<bool> RenewSlotAsync(string slot, string holder, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(slot);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        cancellationToken.ThrowIfCancellationRequested();
        return Writer.EnqueueAsync(new RenewSlotOperation(slot, holder, leaseUntil));
    }

    /// <summary>Gives <paramref name="holder"/>'s place in <paramref name="slot"/> back.</summary>
    public Task<bool> ReleaseSlotAsync(string slot, string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(slot);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        cancellationToken.ThrowIfCancellationRequested();
        return Writer.EnqueueAsync(new ReleaseSlotOperation(slot, holder));
    }

    /// <summary>Lists the holders of <paramref name="slot"/> whose lease has not ended at <paramref name="now"/>.</summary>
    public Task<IReadOnlyList<string>> GetSlotHoldersAsync(string slot, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(slot);
        return ReadAsync(connection =>
        {
            using var statements = new StatementCache(connection);
            return SlotHolders.Read(statements, slot, now);
        }, cancellationToken);
    }

    /// <summary>Decides a start against the rate bucket <paramref name="bucket"/> (GCRA): null when it conforms and was counted, else when it would.</summary>
    public Task<DateTimeOffset?> TryTakeRateAsync(string bucket, int limit, TimeSpan period, int burst, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        return Writer.EnqueueAsync(new TakeRateOperation(bucket, limit, period, burst, now));
    }

    /// <summary>
    /// Cancels <paramref name="runId"/>: at once when it is not executing (true), else by a cancel request the executing
    /// process's watch reads (false, also for a run that ended or does not exist).
    /// </summary>
    public Task<bool> CancelRunAsync(string runId, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentNullException.ThrowIfNull(reason);
        cancellationToken.ThrowIfCancellationRequested();
        return Writer.EnqueueAsync(new CancelRunOperation(runId, reason, now));
    }

    /// <summary>Lists failed runs that match <paramref name="filter"/>, oldest failure first, starting after <paramref name="after"/>.</summary>
    public Task<FailedRunPage> ListFailedAsync(FailedRunFilter filter, int pageSize = 100, FailedRunCursor? after = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        return ReadAsync(connection => FailedRunsQuery.Execute(connection, filter, pageSize, after), cancellationToken);
    }

    /// <summary>Reads one run's stored state, or <see langword="null"/> when there is no such run.</summary>
    public Task<RunSnapshot?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return ReadAsync(connection => RunsQuery.ByRunId(connection, runId), cancellationToken);
    }

    /// <summary>Reads the stored runs of every event accepted with <paramref name="eventId"/>, in creation order.</summary>
    public Task<IReadOnlyList<RunSnapshot>> GetRunsOfEventAsync(string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return ReadAsync(connection => RunsQuery.ByEventId(connection, eventId), cancellationToken);
    }

    /// <summary>Opens a read connection configured like the store's; the caller disposes it.</summary>
    internal SqliteConnection OpenReadConnection() => _connections.Open();

    /// <summary>Finishes the queued writes, then closes the writer's connection.</summary>
    public ValueTask DisposeAsync() => Writer.DisposeAsync();

    private static void Validate(EventToAccept @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentException.ThrowIfNullOrEmpty(@event.Id, "@event.Id");
        ArgumentException.ThrowIfNullOrEmpty(@event.Name, "@event.Name");
        ArgumentNullException.ThrowIfNull(@event.Runs, "@event.Runs");
        foreach (var run in @event.Runs)
        {
            if (string.IsNullOrEmpty(run.FunctionId) || run.MaxAttempts < 1)
            {
                throw new ArgumentException($"Every run of event '{@event.Id}' needs a function Id and at least one attempt; got '{run.FunctionId}' with {run.MaxAttempts}.", nameof(@event));
            }
        }
    }

    private Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _connections.Open();
        return Task.FromResult(read(connection));
    }
}
