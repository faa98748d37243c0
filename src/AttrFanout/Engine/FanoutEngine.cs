using AttrFanout.Runs;
using AttrFanout.Sending;
using AttrFanout.Stores;
using AttrFanout.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace AttrFanout.Engine;

/// <summary>
/// Executes the due runs of the store: one worker per function, each bounded by its function's concurrency and, when
/// set, by a process-wide limit shared fairly between functions; each attempt through its function's pipeline (its timeout
/// around the app's own pipeline, which is looked up here, once).
/// Started by the host, or on the first send when there is none; stopped by the host or by disposal.
/// </summary>
internal sealed class FanoutEngine : IAsyncDisposable, IDisposable
{
    /// <summary>How long cancelled attempts may take to end after the shutdown timeout before their runs are handed back regardless.</summary>
    public static readonly TimeSpan AbortGrace = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long settlements already on their way to the store (a JetStream hand-back waits for the server to confirm the
    /// function's feed stopped) may take at stop, once no handler is left to wait for.
    /// </summary>
    public static readonly TimeSpan SettleGrace = TimeSpan.FromSeconds(10);

    private readonly IFanoutStore _store;
    private readonly EventAcceptor _acceptor;
    private readonly ILogger _logger;
    private readonly AttrFanoutOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly EngineLifetime _lifetime = new();
    private readonly RunTracker _runs;
    private readonly FunctionWorker[] _workers;
    private readonly RunExecutor _executor;
    private readonly FailureThrottle _failures;
    private readonly Schedules.ScheduleDriver _schedules;
    private readonly Triggers.HoldDriver? _holds;
    private readonly FlowLeases? _flowLeases;
    private readonly CancellationWatcher? _cancellations;
    private readonly Lock _gate = new();
    private Task[] _workerTasks = [];
    private Task[] _scheduleTasks = [];
    private Task? _stopTask;
    private bool _started;

    public FanoutEngine(
        FunctionCatalog catalog,
        IFanoutStore store,
        EventAcceptor acceptor,
        IServiceScopeFactory scopes,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        IOptions<AttrFanoutOptions> options,
        RunCompletions completions,
        FailureThrottle failures,
        ResiliencePipelineProvider<string>? appPipelines,
        bool logScopes)
    {
        _failures = failures;
        _store = store;
        _acceptor = acceptor;
        _timeProvider = time;
        _logger = loggerFactory.CreateLogger("AttrFanout");
        _options = options.Value;
        _runs = new RunTracker(catalog.Functions.Count);
        FlowControlStartupCheck.Check(catalog.Functions, store);
        Triggers.HoldStartupCheck.Check(catalog.Functions, store);
        var holdRules = catalog.Functions.Select(Triggers.HoldRule.For).OfType<Triggers.HoldRule>().ToDictionary(static r => r.Function.Id, StringComparer.Ordinal);
        _holds = holdRules.Count > 0
            ? new Triggers.HoldDriver(holdRules, store.Holds!, store.FlowControl, acceptor, catalog, time, _logger, failures, _options.HoldPollInterval)
            : null;
        var cancellable = CancellationWatcher.IsSupportedBy(store);
        _cancellations = cancellable ? new CancellationWatcher(store, _runs, time, _logger, failures) : null;
        _flowLeases = store.FlowControl is { } flowStore && catalog.Functions.Any(static f => f.FlowControl is not null)
            ? new FlowLeases(flowStore, time, _options.FlowControlLease, _logger, failures)
            : null;
        _executor = new RunExecutor(
            _runs, scopes, store, time, _logger, _lifetime, _options, completions, failures, PublishFailureAsync, logScopes, acceptor.IsObserved,
            cancellableAttempts: cancellable,
            publishSkipped: _options.AnnounceSkippedRuns ? PublishSkippedAsync : null,
            holds: _holds is { } driver ? new Triggers.HoldIntake(holdRules, store.Holds!, catalog, store.UsesPayloadBytes, time, _logger, driver.Wake) : null);
        var sharedSlots = _options.MaxConcurrency is { } limit ? new SharedSlots(limit, catalog.Functions.Count) : null;
        _workers = new FunctionWorker[catalog.Functions.Count];
        for (var i = 0; i < _workers.Length; i++)
        {
            var function = catalog.Functions[i];
            var settings = FunctionSettings.Resolve(function, _options);
            var appPipeline = AppPipelines.Resolve(function, settings, _options, appPipelines);
            var pipeline = FunctionPipelineFactory.Create(function.Id, settings, appPipeline, time);
            var gate = function.FlowControl is { } rules ? new FlowGate(function, rules, store, _flowLeases!, time, _logger) : null;
            _workers[i] = new FunctionWorker(new FunctionPlan(i, function, settings, pipeline, _executor, sharedSlots, gate) { Triggers = catalog.GetTriggers(function.Id) }, store, time, _logger, failures);
        }

        _schedules = new Schedules.ScheduleDriver(
            Schedules.ScheduledFunction.From(catalog.Triggers, _options), acceptor, time, _logger, failures, _options.IdempotencyWindow);
    }

    /// <summary>Gets whether the engine executes runs.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _started && _stopTask is null;
            }
        }
    }

    /// <summary>Gets whether the engine was started (by the host, or by a first send without one), stopped or not.</summary>
    public bool WasStarted
    {
        get
        {
            lock (_gate)
            {
                return _started;
            }
        }
    }

    /// <summary>Gets the function workers, and how many of them ended while the engine runs (none should: a health check reports it).</summary>
    public (int Workers, int Ended) WorkerHealth
    {
        get
        {
            lock (_gate)
            {
                return (_workers.Length, _stopTask is null ? _workerTasks.Count(static t => t.IsCompleted) : 0);
            }
        }
    }

    /// <summary>Starts the workers; does nothing when already started or stopped.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_started)
            {
                return;
            }

            _started = true;
            var stopping = _lifetime.Stopping;
            using (ExecutionContext.SuppressFlow())
            {
                _workerTasks = Array.ConvertAll(_workers, worker => Task.Run(() => worker.RunAsync(stopping), CancellationToken.None));
                if (_cancellations is { } cancellations)
                {
                    _ = Task.Run(() => cancellations.RunAsync(stopping), CancellationToken.None);
                }
            }

            _scheduleTasks = _schedules.Start(stopping);
            if (_holds is { } holds)
            {
                _scheduleTasks = [.. _scheduleTasks, holds.Start(stopping)];
            }

            _flowLeases?.Start();
        }

        WaitingRuns.Watch(_store, Array.ConvertAll(_workers, static worker => worker.FunctionId));
        Log.EngineStarted(_logger, _workers.Length, _options.MaxConcurrency?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");
        if (!_store.IsDurable)
        {
            Log.InMemoryStore(_logger);
        }
    }

    /// <summary>
    /// Stops: no run or attempt starts any more; executing attempts get <see cref="AttrFanoutOptions.ShutdownTimeout"/>
    /// to finish, then are cancelled and go back to pending. A handler that ignores its cancellation gets
    /// <see cref="AbortGrace"/> more; then its run is handed back to the store anyway, and settlements still on their
    /// way to the store get up to <see cref="SettleGrace"/>, so the stop always ends within the timeout and both graces.
    /// Runs not started stay pending in the store.
    /// </summary>
    /// <param name="cancellationToken">Gives up waiting (the host's own shutdown limit).</param>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        Task stop;
        lock (_gate)
        {
            _started = true;
            stop = _stopTask ??= StopCoreAsync();
        }

        return stop.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _flowLeases?.Dispose();
        _lifetime.Dispose();
    }

    public void Dispose()
    {
        AbortInFlight();
        _ = StopAsync();
    }

    /// <summary>Cancels every attempt still executing: the engine's own token, and each attempt's own when attempts have one.</summary>
    private void AbortInFlight()
    {
        _lifetime.AbortInFlight();
        if (_executor.CancellableAttempts)
        {
            foreach (var run in _runs.Snapshot())
            {
                run.FireAttemptToken();
            }
        }
    }

    /// <summary>Sends the announcement of a skipped run, traced in the trace of the run's send.</summary>
    private async ValueTask PublishSkippedAsync(FunctionSkipped skipped, System.Diagnostics.ActivityContext skippedRunSend, CancellationToken cancellationToken) =>
        await _acceptor.AcceptAsync(
            new Event<FunctionSkipped>(EventIds.New(), FunctionSkipped.Name, skipped.SkippedAt, skipped),
            idChosenBySender: false,
            cancellationToken,
            sentFromFunction: true,
            sentByRunId: skipped.RunId,
            parent: skippedRunSend).ConfigureAwait(false);

    /// <summary>Sends the failure event, traced in the trace of the failed run's send (<paramref name="failedRunSend"/>, when it was traced).</summary>
    private async ValueTask PublishFailureAsync(FunctionFailed failure, System.Diagnostics.ActivityContext failedRunSend, CancellationToken cancellationToken) =>
        await _acceptor.AcceptAsync(
            new Event<FunctionFailed>(EventIds.New(), FunctionFailed.Name, failure.FailedAt, failure),
            idChosenBySender: false,
            cancellationToken,
            sentFromFunction: true,
            sentByRunId: failure.RunId,
            parent: failedRunSend).ConfigureAwait(false);

    /// <summary>Lets the store hand back what it pulled ahead for this process, now that no worker takes runs; a failure is logged, not thrown.</summary>
    private async ValueTask StopTakingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _store.StopTakingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            Log.EngineFailure(_logger, _failures, "store (handing back runs pulled ahead at stop)", "(all)", error);
        }
    }

    private async Task StopCoreAsync()
    {
        _lifetime.BeginStop();
        WaitingRuns.Forget(_store);
        Log.Stopping(_logger, _lifetime.AttemptsInFlight, _options.ShutdownTimeout);
        using (var drainTimeout = new CancellationTokenSource(_options.ShutdownTimeout, _timeProvider))
        {
            try
            {
                // Workers end as soon as the stop cancels their waits; a store call that hangs still cannot hold the stop.
                await Task.WhenAll([.. _workerTasks, .. _scheduleTasks]).WaitAsync(drainTimeout.Token).ConfigureAwait(false);
                await StopTakingAsync(drainTimeout.Token).ConfigureAwait(false);
                await _lifetime.Drained.WaitAsync(drainTimeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Log.DrainTimedOut(_logger, _lifetime.AttemptsInFlight);
            }
        }

        AbortInFlight();
        await ReleaseAbandonedRunsAsync().ConfigureAwait(false);
        _flowLeases?.Dispose();
    }

    private async Task ReleaseAbandonedRunsAsync()
    {
        if (await IdleWithinGraceAsync(left: 0).ConfigureAwait(false))
        {
            return;
        }

        var abandoned = 0;
        foreach (var run in _runs.Snapshot())
        {
            if (!run.TryAbandon())
            {
                continue;
            }

            abandoned++;
            try
            {
                await _executor.ReleaseAbandonedAsync(run).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                Log.EngineFailure(_logger, _failures, "store (handing back runs at stop)", run.Delivery.FunctionId, error);
            }
        }

        if (abandoned > 0)
        {
            Log.RunsAbandoned(_logger, abandoned, AbortGrace);
        }

        await IdleWithinGraceAsync(left: abandoned, SettleGrace).ConfigureAwait(false);
    }

    /// <summary>Waits up to <paramref name="grace"/> (else <see cref="AbortGrace"/>) for the runs still executing to be at most <paramref name="left"/>.</summary>
    private async Task<bool> IdleWithinGraceAsync(int left, TimeSpan? grace = null)
    {
        using var graceTimeout = new CancellationTokenSource(grace ?? AbortGrace, _timeProvider);
        try
        {
            await _runs.WhenIdleAsync(left).WaitAsync(graceTimeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
