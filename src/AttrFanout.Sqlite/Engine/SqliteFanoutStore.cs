using System.Collections.Concurrent;
using AttrFanout.Sqlite.Flow;
using AttrFanout.Stores;
using Microsoft.Extensions.Logging;
using StoredOutcome = AttrFanout.Sqlite.RunOutcome;

namespace AttrFanout.Sqlite.Engine;

/// <summary>
/// The engine's store over a SQLite file: payloads kept as the JSON the engine serialized, runs leased per function when
/// the engine has capacity, leases renewed while runs execute, a retry kept in the file as the run's due time (its lease
/// ended, so it holds nothing while it waits) and woken by a timer, leases released on shutdown, and the file pruned on a timer.
/// </summary>
internal sealed class SqliteFanoutStore : IFanoutStore, IAsyncDisposable, IDisposable
{
    private readonly SqliteRunStore _store;
    private readonly SqliteStoreOptions _options;
    private readonly StoredPayloads _payloads;
    private readonly Dictionary<string, int> _maxAttempts;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly FunctionWakeups _wakeups;
    private readonly LeaseRenewer _leases;
    private readonly RetentionPruner _pruner;
    private readonly RetryWakeups _retries;
    private readonly FailureThrottle _failures;
    private readonly ReadConnections _reads;
    private readonly ConcurrentDictionary<string, LocalRunQueue> _queues = new(StringComparer.Ordinal);
    private readonly CancellationWatch _cancellations;
    private readonly ConcurrentDictionary<string, string> _cancelOnTake = new(StringComparer.Ordinal);
    private int _closed;

    public SqliteFanoutStore(SqliteRunStore store, SqliteStoreOptions options, FunctionCatalog catalog, AttrFanoutOptions fanout, TimeProvider time, ILogger logger, FailureThrottle? failures = null)
    {
        _failures = failures ?? new FailureThrottle(time, FailureThrottle.DefaultInterval);
        DataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
        _payloads = new StoredPayloads(catalog, fanout.MaxPayloadBytes);
        _maxAttempts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var function in catalog.Functions)
        {
            var settings = FunctionSettings.Resolve(function, fanout);
            _maxAttempts[function.Id] = settings.MaxAttempts;
            _queues[function.Id] = function.FlowControl is null
                ? new LocalRunQueue(options.MaxRunsPerLease, QueueCapacity(settings, fanout, options))
                : new LocalRunQueue(leaseBatch: 1, capacity: 0);
        }

        Owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        _reads = new ReadConnections(store.OpenReadConnection);
        foreach (var (functionId, runs) in _reads.Read(statements => OrphanedRuns.Find(statements, _maxAttempts.Keys.ToHashSet(StringComparer.Ordinal))))
        {
            SqliteStoreLog.OrphanedRuns(logger, DataSource, runs, functionId);
        }

        _wakeups = new FunctionWakeups(_maxAttempts.Keys, _reads, time, options.PollInterval, MarkFileMayHoldDueRuns, e => LogBackgroundError("poll", e));
        _leases = new LeaseRenewer(time, options.LeaseDuration, RenewAsync, runId => SqliteStoreLog.LeaseLost(logger, runId), e => LogBackgroundError("lease renewal", e));
        _retries = new RetryWakeups(time, functionId =>
        {
            MarkFileMayHoldDueRuns(functionId);
            _wakeups.Wake(functionId);
        });
        FlowControl = new SqliteFlowControlStore(store);
        Holds = new Holds.SqliteHolds(store);
        _cancellations = new CancellationWatch(_reads, time, e => LogBackgroundError("cancel watch", e));
        _pruner = new RetentionPruner(time, options.PruneInterval, () => store.PruneAsync(), r => SqliteStoreLog.Pruned(logger, r.SucceededRuns, r.ExpiredFailedRuns, r.Events), e => LogBackgroundError("pruning", e));
    }

    public bool IsDurable => true;

    /// <summary>Gets the flow-control state in the file's <c>flow_slots</c> and <c>rate_buckets</c> tables.</summary>
    public IFlowControlStore FlowControl { get; }

    public IEventHoldStore Holds { get; }

    /// <summary>Gets the file, as the connection string names it.</summary>
    public string DataSource { get; }

    /// <summary>Gets the lease owner name of this process.</summary>
    public string Owner { get; }

    internal SqliteRunStore Runs => _store;

    internal LeaseRenewer Leases => _leases;

    internal RetentionPruner Pruner => _pruner;

    public async ValueTask<Stores.AcceptResult> AcceptAsync(EventSubmission submission, CancellationToken cancellationToken)
    {
        try
        {
            return await AcceptCoreAsync(submission, cancellationToken).ConfigureAwait(false);
        }
        catch (Microsoft.Data.Sqlite.SqliteException error)
        {
            throw new SqliteStoreException(DataSource, $"accept event '{submission.Event.Name}'", error);
        }
    }

    private async ValueTask<Stores.AcceptResult> AcceptCoreAsync(EventSubmission submission, CancellationToken cancellationToken)
    {
        var envelope = submission.Event;
        var payload = submission.Payload ?? _payloads.Serialize(envelope);
        var runs = new RunToCreate[submission.Runs.Count];
        for (var i = 0; i < runs.Length; i++)
        {
            var request = submission.Runs[i];
            var leaseOwner = Queue(request.FunctionId).CanLeaseOnAccept ? Owner : null;
            runs[i] = new RunToCreate(request.FunctionId, _maxAttempts.GetValueOrDefault(request.FunctionId, 1), LeaseOwner: leaseOwner)
            {
                Keys = request.Keys?.Encode(),
                Priority = request.Keys?.Priority ?? 0,
                IdempotencyKey = request.IdempotencyKey,
                IdempotentUntil = request.IdempotentUntil,
            };
        }

        var accepted = await _store.AcceptAsync(new EventToAccept(envelope.Id, envelope.Name, envelope.Timestamp, payload, runs, submission.Trace, submission.IdChosenBySender), cancellationToken).ConfigureAwait(false);
        if (!accepted.IsDuplicate)
        {
            for (var i = 0; i < runs.Length; i++)
            {
                if (accepted.WasCreated(i))
                {
                    QueueAccepted(runs[i], accepted, i, envelope, payload, submission.Trace);
                }
            }
        }

        return new Stores.AcceptResult(accepted.IsDuplicate, accepted.RunIds);
    }

    public ValueTask<bool> WaitForRunAsync(string functionId, CancellationToken cancellationToken) => _wakeups.WaitAsync(functionId, cancellationToken);

    public async ValueTask<RunDelivery?> TryTakeRunAsync(string functionId, CancellationToken cancellationToken)
    {
        try
        {
            return await TryTakeCoreAsync(functionId, cancellationToken).ConfigureAwait(false);
        }
        catch (Microsoft.Data.Sqlite.SqliteException error)
        {
            throw new SqliteStoreException(DataSource, $"lease runs of function '{functionId}'", error);
        }
    }

    private async ValueTask<RunDelivery?> TryTakeCoreAsync(string functionId, CancellationToken cancellationToken)
    {
        var queue = Queue(functionId);
        while (true)
        {
            if (queue.ShouldLeaseFromFile)
            {
                var reading = queue.Reading;
                var leased = await _store.LeaseDueAsync(Owner, queue.LeaseBatch, _options.LeaseDuration, functionId, cancellationToken).ConfigureAwait(false);
                queue.MarkLeased(reading, drained: leased.Count < queue.LeaseBatch);
                foreach (var next in leased)
                {
                    _leases.Hold(next.RunId, next.FunctionId);
                    queue.Enqueue(next);
                }
            }

            if (!queue.TryDequeue(out var run))
            {
                return null;
            }

            if (!_cancelOnTake.IsEmpty && _cancelOnTake.TryRemove(run.RunId, out var reason))
            {
                await SettleCancelledAsync(run, reason).ConfigureAwait(false);
                continue;
            }

            _wakeups.Wake(functionId);
            _cancellations.HandedOver(run.RunId);
            var dueSince = run.LeaseUntil - _options.LeaseDuration;
            if (run.AttemptLeases > _options.MaxLeasesPerAttempt)
            {
                return Poisoned(run, dueSince, new RunAbandonedException(run.RunId, run.FunctionId, run.EventName, run.Attempt, run.AttemptLeases - 1));
            }

            if (!_payloads.TryRead(run, out var envelope, out var error))
            {
                return Poisoned(run, dueSince, error);
            }

            return new RunDelivery(run.RunId, run.FunctionId, envelope, run.Attempt - 1, dueSince, run.Trace)
            {
                CreatedAt = run.CreatedAt,
                ReplayOf = run.ReplayOf,
                Keys = run.Keys is { } keys ? AttrFanout.FlowControl.RunKeys.Decode(keys) : null,
            };
        }
    }

    public async ValueTask ReportAsync(Stores.RunOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            await ReportCoreAsync(outcome, cancellationToken).ConfigureAwait(false);
        }
        catch (Microsoft.Data.Sqlite.SqliteException error)
        {
            throw new SqliteStoreException(DataSource, $"record the outcome of run '{outcome.RunId}'", error);
        }
    }

    private async ValueTask ReportCoreAsync(Stores.RunOutcome outcome, CancellationToken cancellationToken)
    {
        var attempt = RunAttempts.Of(outcome);
        var recorded = outcome.Kind switch
        {
            RunOutcomeKind.Succeeded => await Record(StoredOutcome.Succeeded.Instance).ConfigureAwait(false),
            RunOutcomeKind.Failed => await Record(new StoredOutcome.Failed(Error(outcome))).ConfigureAwait(false),
            RunOutcomeKind.RetryScheduled => await Record(new StoredOutcome.RetryScheduled(outcome.Attempts + 1, outcome.DueAt ?? outcome.At, Error(outcome))).ConfigureAwait(false),
            RunOutcomeKind.Deferred => await Record(new StoredOutcome.Deferred(outcome.DueAt ?? outcome.At)).ConfigureAwait(false),
            RunOutcomeKind.Skipped => await Record(Ended(StoredRunStatus.Skipped, outcome)).ConfigureAwait(false),
            RunOutcomeKind.Cancelled => await Record(Ended(StoredRunStatus.Cancelled, outcome)).ConfigureAwait(false),
            _ => await _store.ReleaseRunAsync(outcome.RunId, Owner, outcome.Attempts + 1, attempt, cancellationToken).ConfigureAwait(false),
        };

        Task<bool> Record(StoredOutcome stored) => _store.RecordOutcomeAsync(outcome.RunId, Owner, stored, outcome.At, attempt, cancellationToken);

        if (_leases.TryRelease(outcome.RunId, out var functionId))
        {
            if (outcome.Kind == RunOutcomeKind.Released)
            {
                MarkFileMayHoldDueRuns(functionId);
                _wakeups.Wake(functionId);
            }
            else if (outcome is { Kind: RunOutcomeKind.RetryScheduled or RunOutcomeKind.Deferred, DueAt: { } dueAt })
            {
                _retries.WakeAt(functionId, dueAt);
            }
        }

        if (!recorded)
        {
            SqliteStoreLog.LeaseLost(_logger, outcome.RunId);
        }
    }

    public ValueTask<FunctionRun?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_reads.Read(statements => FunctionRunQueries.ById(statements, runId, _time.GetUtcNow()) is { } run
            ? Attempts.AttemptHistoryQuery.WithHistory(statements, run)
            : null));
    }

    public ValueTask<IReadOnlyList<FunctionRun>> ListFailedAsync(FailedRunQuery query, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_reads.Read(statements => FunctionRunQueries.Failed(statements, query, _time.GetUtcNow())));
    }

    public ValueTask<RunPage> ListRunsAsync(RunQuery query, CancellationToken cancellationToken) =>
        Read(statements => RunListingQueries.Runs(statements, query, _time.GetUtcNow()) with { Incomplete = PrunedRuns.Gaps(statements, _options, _time.GetUtcNow(), query.Includes) }, "list runs", cancellationToken);

    public ValueTask<EventPage> ListEventsAsync(EventQuery query, CancellationToken cancellationToken) =>
        Read(statements => EventListingQueries.Events(statements, query, _time.GetUtcNow()) with { Incomplete = PrunedRuns.Gaps(statements, _options, _time.GetUtcNow(), static _ => true) }, "list events", cancellationToken);

    public ValueTask<RunCounts> CountRunsAsync(CancellationToken cancellationToken) =>
        Read(statements => RunCountQueries.Count(statements, _time.GetUtcNow()) with { Incomplete = PrunedRuns.Gaps(statements, _options, _time.GetUtcNow(), static s => s == RunStatus.Succeeded) }, "count runs", cancellationToken);

    public async ValueTask<FunctionRun?> ReplayAsync(string runId, string newRunId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await _store.ReplayAsNewRunAsync(runId, newRunId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var replay = await GetRunAsync(newRunId, cancellationToken).ConfigureAwait(false);
        if (replay is not null)
        {
            MarkFileMayHoldDueRuns(replay.FunctionId);
            _wakeups.Wake(replay.FunctionId);
        }

        return replay;
    }

    public async ValueTask<FunctionRun?> CancelRunAsync(string runId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            if (!await TryCancelQueuedAsync(runId, reason).ConfigureAwait(false))
            {
                await _store.CancelRunAsync(runId, reason, now, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Microsoft.Data.Sqlite.SqliteException error)
        {
            throw new SqliteStoreException(DataSource, $"cancel run '{runId}'", error);
        }

        return await GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Cancels a run this process leased and still queues (not handed to the engine): the queue skips it when its turn
    /// comes, and the file records it cancelled now, as a run that was never executing.
    /// </summary>
    private async ValueTask<bool> TryCancelQueuedAsync(string runId, string reason)
    {
        if (!_leases.IsHeld(runId))
        {
            return false;
        }

        _cancelOnTake[runId] = reason;
        foreach (var queue in _queues.Values)
        {
            if (queue.Find(runId) is { } queued)
            {
                await SettleCancelledAsync(queued, reason).ConfigureAwait(false);
                return true;
            }
        }

        _cancelOnTake.TryRemove(runId, out _);
        return false;
    }

    private async ValueTask SettleCancelledAsync(LeasedRun run, string reason)
    {
        _leases.TryRelease(run.RunId, out _);
        await _store.RecordOutcomeAsync(run.RunId, Owner, new StoredOutcome.Ended(StoredRunStatus.Cancelled, run.Attempt - 1, reason)).ConfigureAwait(false);
    }

    public IAsyncEnumerable<RunCancellation> WatchCancellationsAsync(CancellationToken cancellationToken) => _cancellations.WatchAsync(cancellationToken);

    public ValueTask<IReadOnlyList<CancelOnCandidate>> FindCancelOnCandidatesAsync(CancelOnQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Read<IReadOnlyList<CancelOnCandidate>>(
            statements => CancelOnCandidates.Read(statements, query).ConvertAll(row => new CancelOnCandidate(
                row.RunId,
                row.EventTimestamp,
                row.Keys is { } keys ? AttrFanout.FlowControl.RunKeys.Decode(keys) : null,
                row.Payload is { } payload ? _payloads.TryRead(row.EventId, row.EventName, row.EventTimestamp, payload) : null)),
            $"find the runs of function '{query.FunctionId}' that event '{query.Cancelling.Id}' may cancel",
            cancellationToken);
    }

    /// <summary>Stops the timers, hands back every run this process still holds, and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            return;
        }

        StopTimers();
        try
        {
            await _store.ReleaseLeasesAsync(Owner).ConfigureAwait(false);
        }
        finally
        {
            await _store.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Closes the file as a killed process would leave it: leases held, nothing released.</summary>
    internal async ValueTask AbandonAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            return;
        }

        StopTimers();
        await _store.DisposeAsync().ConfigureAwait(false);
    }

    private void StopTimers()
    {
        _retries.Dispose();
        _pruner.Dispose();
        _leases.Dispose();
        _wakeups.Dispose();
        _cancellations.Dispose();
        _reads.Dispose();
    }

    private LocalRunQueue Queue(string functionId) =>
        _queues.TryGetValue(functionId, out var queue) ? queue : _queues.GetOrAdd(functionId, static (_, limit) => new LocalRunQueue(limit), _options.MaxRunsPerLease);

    private void MarkFileMayHoldDueRuns(string functionId) => Queue(functionId).MarkFileMayHoldDueRuns();

    /// <summary>
    /// How many runs of a function may wait in process for the next one accepted here to be stored leased on accept: as
    /// many as the engine may run of it at once (its concurrency, else the global one), and at least one lease's worth.
    /// A burst of sends within what the engine can run at once then never goes through the file; runs beyond it are
    /// stored pending and leased <see cref="SqliteStoreOptions.MaxRunsPerLease"/> at a time.
    /// </summary>
    internal static int QueueCapacity(FunctionSettings settings, AttrFanoutOptions fanout, SqliteStoreOptions options) =>
        Math.Max(options.MaxRunsPerLease, Math.Min(settings.Concurrency, fanout.MaxConcurrency ?? int.MaxValue));

    private void QueueAccepted(RunToCreate run, AcceptOutcome accepted, int index, EventEnvelope envelope, byte[] payload, PropagatedContext? trace)
    {
        var queue = Queue(run.FunctionId);
        if (run.LeaseOwner is null)
        {
            queue.MarkFileMayHoldDueRuns();
        }
        else
        {
            var runId = accepted.RunIds[index];
            _leases.Hold(runId, run.FunctionId);
            queue.Enqueue(new LeasedRun(
                runId, run.FunctionId, Attempt: 1, run.MaxAttempts, accepted.AcceptedAt + _options.LeaseDuration, AttemptLeases: 1,
                envelope.Id, envelope.Name, envelope.Timestamp, payload, trace, CreatedAt: accepted.AcceptedAt) { Keys = run.Keys });
        }

        _wakeups.Wake(run.FunctionId);
    }

    private void LogBackgroundError(string task, Exception error)
    {
        if (!_failures.ShouldLog("sqlite " + task, error, out var repeated))
        {
            return;
        }

        var described = error is Microsoft.Data.Sqlite.SqliteException sqlite ? new SqliteStoreException(DataSource, "run its " + task, sqlite) : error;
        if (repeated == 0)
        {
            SqliteStoreLog.BackgroundError(_logger, task, DataSource, described);
        }
        else
        {
            SqliteStoreLog.BackgroundErrorRepeated(_logger, task, DataSource, repeated, described.Message);
        }
    }

    private ValueTask<T> Read<T>(Func<Storage.StatementCache, T> read, string what, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return ValueTask.FromResult(_reads.Read(read));
        }
        catch (Microsoft.Data.Sqlite.SqliteException error)
        {
            throw new SqliteStoreException(DataSource, what, error);
        }
    }

    private Task<bool> RenewAsync(string runId) => _store.RenewLeaseAsync(runId, Owner, _options.LeaseDuration);

    private static RunDelivery Poisoned(LeasedRun run, DateTimeOffset dueSince, Exception cause) =>
        RunDelivery.Poisoned(run.RunId, run.FunctionId, run.EventId, run.EventName, run.EventTimestamp, run.Attempt - 1, dueSince, cause);

    private static StoredOutcome.Ended Ended(StoredRunStatus status, Stores.RunOutcome outcome) => new(status, outcome.Attempts, outcome.Reason ?? "");

    private static RunError Error(Stores.RunOutcome outcome) => new(outcome.ErrorType ?? "", outcome.ErrorMessage ?? "");
}
