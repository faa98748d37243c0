using System.Diagnostics;
using AttrFanout.Execution;
using AttrFanout.Stores;
using AttrFanout.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AttrFanout.Runtime;

/// <summary>
/// Accepts events into the store with one run per subscribed function, and executes the due runs on a bounded pool:
/// one worker per function, a global and a per-function concurrency limit, a resilience pipeline per function.
/// Started by the host, or on the first send when there is none; stopped by the host or by disposal.
/// </summary>
internal sealed class FanoutEngine : IEventSender, IAsyncDisposable, IDisposable
{
    private readonly FunctionCatalog _catalog;
    private readonly IFanoutStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AttrFanoutOptions _options;
    private readonly EngineLifetime _lifetime = new();
    private readonly RunTracker _runs = new();
    private readonly FunctionWorker[] _workers;
    private readonly Lock _gate = new();
    private Task[] _workerTasks = [];
    private Task? _stopTask;
    private bool _started;

    public FanoutEngine(
        FunctionCatalog catalog,
        IFanoutStore store,
        IServiceScopeFactory scopes,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        IOptions<AttrFanoutOptions> options,
        RunCompletions completions)
    {
        _catalog = catalog;
        _store = store;
        _time = time;
        _logger = loggerFactory.CreateLogger("AttrFanout");
        _options = options.Value;
        var executor = new RunExecutor(scopes, store, time, _logger, _lifetime, _options, completions, PublishFailureAsync);
        var globalSlots = new SemaphoreSlim(_options.MaxConcurrency, _options.MaxConcurrency);
        _workers = new FunctionWorker[catalog.Functions.Count];
        for (var i = 0; i < _workers.Length; i++)
        {
            var function = catalog.Functions[i];
            var settings = FunctionSettings.Resolve(function, _options);
            var pipeline = FunctionPipelineFactory.Create(function.Id, settings, _options, store.RetriesInProcess, time, executor.OnRetryAsync);
            _workers[i] = new FunctionWorker(new FunctionPlan(function, settings, pipeline), store, globalSlots, executor, _runs, time, _logger);
        }
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
            }
        }

        Log.EngineStarted(_logger, _workers.Length, _options.MaxConcurrency);
        if (!_store.IsDurable)
        {
            Log.InMemoryStore(_logger);
        }
    }

    /// <summary>
    /// Stops: no run or attempt starts any more; executing attempts get <see cref="AttrFanoutOptions.ShutdownTimeout"/>
    /// to finish, then are cancelled and go back to pending. Runs not started stay pending in the store.
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

    public ValueTask<SendResult> SendAsync<TPayload>(TPayload payload, SendOptions? options = null, CancellationToken cancellationToken = default)
        where TPayload : notnull, IEventPayload
    {
        if (payload is null)
        {
            throw new ArgumentNullException(nameof(payload), $"Pass the payload of the event '{TPayload.EventName}' to send; it cannot be null.");
        }

        var id = options?.Id;
        if (id is not null && !EventIds.IsValid(id))
        {
            throw new InvalidEventIdException(id);
        }

        var functions = _catalog.GetFunctions(TPayload.EventName);
        if (functions.IsEmpty && _options.ThrowOnNoSubscribers)
        {
            throw new EventNotSubscribedException(TPayload.EventName);
        }

        return AcceptAsync(new Event<TPayload>(id ?? EventIds.New(), TPayload.EventName, _time.GetUtcNow(), payload), cancellationToken);
    }

    public async ValueTask<IReadOnlyList<SendResult>> SendManyAsync<TPayload>(IEnumerable<TPayload> payloads, Func<TPayload, string?>? idSelector = null, CancellationToken cancellationToken = default)
        where TPayload : notnull, IEventPayload
    {
        ArgumentNullException.ThrowIfNull(payloads);
        var results = new List<SendResult>();
        foreach (var payload in payloads)
        {
            var options = idSelector?.Invoke(payload) is { } id ? new SendOptions { Id = id } : null;
            results.Add(await SendAsync(payload, options, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _lifetime.Dispose();
    }

    public void Dispose()
    {
        _lifetime.AbortInFlight();
        _ = StopAsync();
    }

    private async ValueTask<SendResult> AcceptAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        Start();
        using var activity = FanoutActivities.StartSend(envelope.Name);
        var functions = _catalog.GetFunctions(envelope.Name);
        var runs = new RunRequest[functions.Length];
        for (var i = 0; i < runs.Length; i++)
        {
            runs[i] = new RunRequest(EventIds.New(), functions[i].Id);
        }

        var submission = new EventSubmission(envelope, runs, envelope.Timestamp + _options.IdempotencyWindow, activity?.Id);
        var accepted = await _store.AcceptAsync(submission, cancellationToken).ConfigureAwait(false);
        if (!accepted.IsDuplicate)
        {
            FanoutMetrics.Add(FanoutMetrics.EventsSent, FanoutTags.Event, envelope.Name);
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(FanoutTags.EventId, envelope.Id);
            activity.SetTag("attrfanout.duplicate", accepted.IsDuplicate);
            activity.SetTag("attrfanout.runs", accepted.RunIds.Count);
        }

        return new SendResult(envelope.Id, accepted.RunIds, accepted.IsDuplicate);
    }

    private async ValueTask PublishFailureAsync(FunctionFailed failure, CancellationToken cancellationToken) =>
        await AcceptAsync(new Event<FunctionFailed>(EventIds.New(), FunctionFailed.Name, failure.FailedAt, failure), cancellationToken).ConfigureAwait(false);

    private async Task StopCoreAsync()
    {
        _lifetime.BeginStop();
        await Task.WhenAll(_workerTasks).ConfigureAwait(false);
        Log.Stopping(_logger, _lifetime.AttemptsInFlight, _options.ShutdownTimeout);
        using (var drainTimeout = new CancellationTokenSource(_options.ShutdownTimeout, _time))
        {
            try
            {
                await _lifetime.Drained.WaitAsync(drainTimeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Log.DrainTimedOut(_logger, _lifetime.AttemptsInFlight);
            }
        }

        _lifetime.AbortInFlight();
        await _runs.WhenAll().ConfigureAwait(false);
    }
}
