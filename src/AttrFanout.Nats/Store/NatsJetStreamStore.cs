using System.Collections.Concurrent;
using AttrFanout.Nats.Consuming;
using AttrFanout.Nats.DeadLetters;
using AttrFanout.Nats.FlowControl;
using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Retries;
using AttrFanout.Nats.Wire;
using AttrFanout.Stores;
using Microsoft.Extensions.Logging;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Store;

/// <summary>
/// The runtime's store on NATS JetStream: an event is one message, each function's runs are the deliveries of its
/// durable consumer, and retries are redeliveries by the server (the engine runs one attempt per delivery). Flow control
/// keeps its shared state in a KeyValue bucket (<see cref="JetStreamFlowControl"/>), a run's keys travel in its
/// function's header, and deferred runs wait in the retry bucket like retries.
/// </summary>
internal sealed class NatsJetStreamStore : IFanoutStore, IAsyncDisposable, IDisposable
{
    private readonly NatsJetStreamOptions _options;
    private readonly FunctionCatalog _catalog;
    private readonly PayloadCodec _codec;
    private readonly Dictionary<string, FunctionSubscription> _functions;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _fetchBatch;
    private readonly DeadLetterRuns _deadLetterRuns;
    private readonly JetStreamRunListing _listing;
    private readonly Dictionary<string, FunctionFlow> _flows;
    private readonly Dictionary<(string FunctionId, string EventName), FunctionDescriptor> _filtered;
    private readonly Dictionary<string, FunctionDescriptor> _cancelledOnEvents;
    private readonly SessionFlowControl _flowControl;
    private readonly AttrFanout.Nats.Holds.SessionHolds _holds;
    /// <summary>
    /// The runs handed to the engine and not yet reported. Striped finely, with room for what the feeds hold: a function's
    /// worker adds runs while dozens of completions remove theirs at once, and the default (a lock per core, grown only
    /// as the table grows) made them queue on each other.
    /// </summary>
    private readonly ConcurrentDictionary<string, InFlightRun> _inFlight = new(LockStripes, ConsumerFeed.BatchesHeld * MaxFetchBatch, StringComparer.Ordinal);
    private readonly SemaphoreSlim _openGate = new(1, 1);
    private JetStreamSession? _session;
    private ProgressClock? _clock;
    private readonly UnreachableServerLog _unreachable;
    private volatile bool _disposed;
    private AttrFanoutConfigurationException? _refused;
    private int _refusalLogged;

    public NatsJetStreamStore(NatsJetStreamOptions options, AttrFanoutOptions fanout, FunctionCatalog catalog, TimeProvider time, ILoggerFactory loggers)
    {
        options.DuplicateWindow ??= fanout.IdempotencyWindow;
        options.AppName ??= catalog.AppName;
        _options = options;
        _catalog = catalog;
        _codec = new PayloadCodec(catalog);
        _functions = catalog.Functions.ToDictionary(f => f.Id, f => FunctionSubscriptions.For(f, fanout, options, catalog.GetTriggers(f.Id)), StringComparer.Ordinal);
        _time = time;
        _logger = loggers.CreateLogger("AttrFanout.Nats");
        _fetchBatch = Math.Clamp(fanout.MaxConcurrency ?? fanout.DefaultConcurrency, 1, MaxFetchBatch);
        _deadLetterRuns = new DeadLetterRuns(_functions);
        _listing = new JetStreamRunListing(_functions, time);
        _flows = catalog.Functions
            .Where(static f => f.FlowControl is not null || f.Debounce is not null || f.Batch is not null)
            .ToDictionary(static f => f.Id, static f => new FunctionFlow(f.Id, f.FlowControl ?? new AttrFanout.FlowControl.FunctionFlowControl()), StringComparer.Ordinal);
        _flowControl = new SessionFlowControl(this);
        _holds = new AttrFanout.Nats.Holds.SessionHolds(this);
        _filtered = catalog.Triggers.Where(static f => f.HasFilter).ToDictionary(static f => (f.Id, f.EventName));
        _cancelledOnEvents = catalog.Functions.Where(static f => f.CancelOn.Count > 0).ToDictionary(static f => f.Id, StringComparer.Ordinal);
        _unreachable = new UnreachableServerLog(Connection.NatsConnections.EffectiveOpts(options).Url, time, _logger);
    }

    /// <summary>How long a worker waits before it tries an unreachable server again.</summary>
    internal static readonly TimeSpan ReconnectPause = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The most messages one pull takes for a function (and never more than the process runs at once); a function
    /// holds at most a few batches (see <see cref="ConsumerFeed.BatchesHeld"/>), each kept alive by the <see cref="ProgressClock"/>.
    /// </summary>
    private const int MaxFetchBatch = 64;

    /// <summary>How long a take of a prioritized function waits for the runs due now to arrive, so its order covers them.</summary>
    private static readonly TimeSpan PriorityWindowWait = TimeSpan.FromMilliseconds(250);

    /// <summary>How many locks guard the runs in flight.</summary>
    private const int LockStripes = 64;

    public bool IsDurable => true;

    /// <summary>Gets <see langword="false"/>: under interest retention a succeeded run leaves the stream.</summary>
    public bool KeepsSucceededRuns => false;

    /// <summary>Gets the shared state of flow control, in the flow bucket (opened with the session).</summary>
    public IFlowControlStore? FlowControl => _flowControl;

    /// <summary>Gets the holds of debounces and batches, in the flow bucket.</summary>
    public IEventHoldStore? Holds => _holds;

    /// <summary>Gets the open session, or <see langword="null"/> before the first use.</summary>
    internal JetStreamSession? Session => _session;

    /// <summary>Gets the settings the store was created with.</summary>
    internal NatsJetStreamOptions Options => _options;

    public async ValueTask<AcceptResult> AcceptAsync(EventSubmission submission, CancellationToken cancellationToken)
    {
        var session = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var envelope = submission.Event;
        var wire = new WireEvent(envelope.Id, envelope.Name, envelope.Timestamp, submission.Payload ?? _codec.Serialize(envelope), submission.Trace);
        if (AttrFanout.Triggers.HoldNames.TryGetFunction(envelope.Name, out var heldBy) && submission.Runs is [{ } holdRun] && holdRun.FunctionId == heldBy)
        {
            return await AttrFanout.Nats.Holds.HoldRunPublish.AcceptAsync(session, holdRun, wire, cancellationToken).ConfigureAwait(false);
        }

        if (KeyedAccept.Applies(submission))
        {
            return await KeyedAccept.AcceptAsync(session, submission, wire, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        var published = await session.Publisher.PublishAsync(wire, cancellationToken).ConfigureAwait(false);
        var runIds = new string[submission.Runs.Count];
        for (var i = 0; i < runIds.Length; i++)
        {
            runIds[i] = RunIds.For(published.Sequence, submission.Runs[i].FunctionId);
        }

        return new AcceptResult(published.IsDuplicate, runIds);
    }

    /// <summary>
    /// Counts the function's runs waiting in the retry bucket for their next attempt, as this process's retry timer
    /// knows them: every process watches the whole bucket, so each reports the same count (do not add them up). Runs in
    /// the event stream not yet delivered are the server's to count (the consumer's pending count), not this process's.
    /// </summary>
    /// <param name="functionId">The function.</param>
    /// <returns>The count, or <see langword="null"/> before the store opened its session.</returns>
    public int? CountWaitingRuns(string functionId) => _session?.RetryTimer.WaitingOf(functionId);

    public async ValueTask<bool> WaitForRunAsync(string functionId, CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            return false;
        }

        var session = await OpenWhenReachableAsync(cancellationToken).ConfigureAwait(false);
        if (session is null || !session.Feeds.TryGetValue(functionId, out var feed))
        {
            return false;
        }

        try
        {
            await feed.WaitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ObjectDisposedException) when (_disposed || feed.IsReleased)
        {
            return false;
        }
    }

    /// <summary>
    /// Releases every function's feed: the runs pulled ahead and not taken go back to the server for other instances now,
    /// not after their ack wait (a feed keeps what it holds alive while the session is open).
    /// </summary>
    public async ValueTask StopTakingAsync(CancellationToken cancellationToken)
    {
        if (_session is { } session)
        {
            await Task.WhenAll(session.Feeds.Values.Select(static feed => feed.ReleaseAllAsync())).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<RunDelivery?> TryTakeRunAsync(string functionId, CancellationToken cancellationToken)
    {
        var session = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!session.Feeds.TryGetValue(functionId, out var feed))
        {
            return null;
        }

        var function = _functions[functionId];
        _flows.TryGetValue(functionId, out var flow);
        if (flow?.Ranking is not null)
        {
            await feed.TopUpAsync(PriorityWindowWait, cancellationToken).ConfigureAwait(false);
        }

        DeliveredMessage? message;
        int attemptsMade;
        string runId;
        while (true)
        {
            if (flow?.Ranking is { } ranking ? !feed.TryTakeFirst(ranking, out message) : !feed.TryTake(out message))
            {
                return null;
            }

            attemptsMade = HeldRun.AttemptsMade(session.Subjects, message, out var isReplay);
            runId = HeldRun.RunId(message, functionId, isReplay);
            if (flow is not null && HeaderText.Get(message.Headers, flow.IdempotentHeader) is not null)
            {
                // Its idempotency key was taken by an earlier run: this event created no run of the function.
                await message.AckAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (session.Cancelled.TryGet(runId, out var reason))
            {
                await EndCancelledAsync(session, functionId, runId, message, attemptsMade, reason, cancellationToken).ConfigureAwait(false);
                continue;
            }

            break;
        }

        var progress = ProgressClock.ProgressInterval(feed.AckWait, _time);
        if (!session.Reader.TryRead(message.Subject, message.Headers, message.Body, message.StoredAt, out var wire, out var invalid))
        {
            return Poisoned(functionId, runId, message, PoisonedDeliveries.WhatIsKnown(session.Subjects, message), attemptsMade, progress, new InvalidMessageException(invalid));
        }

        if (attemptsMade >= function.Attempts)
        {
            var error = $"The run got no outcome in its {function.Attempts} attempt(s): each delivery's process ended or stopped answering for longer than the ack wait ({function.AckWait}).";
            // The engine counts this delivery as the next attempt; none of the earlier ones ended, so the last one is this.
            return Poisoned(functionId, runId, message, wire, attemptsMade - 1, progress, new TimeoutException(error));
        }

        EventEnvelope envelope;
        try
        {
            envelope = _codec.Deserialize(wire.Name, wire.Id, wire.Timestamp, wire.Payload.Span);
        }
        catch (Exception error) when (error is PayloadSerializationException or UnknownEventException)
        {
            return Poisoned(functionId, runId, message, wire, attemptsMade, progress, error);
        }

        if (attemptsMade == 0 && _filtered.TryGetValue((functionId, envelope.Name), out var filtered))
        {
            // A sender of another service could not ask this function's filter, so it is asked here, with the same answer.
            var accepted = DeliveryFilter.Accepts(filtered, envelope, out var failure);
            if (failure is not null)
            {
                return Poisoned(functionId, runId, message, wire, attemptsMade, progress, failure);
            }

            if (!accepted)
            {
                await message.AckAsync(cancellationToken).ConfigureAwait(false);
                return null;
            }
        }

        var (keysText, keys) = flow is null ? default : flow.ReadKeys(message);
        _inFlight[runId] = new InFlightRun(functionId, runId, message, wire, progress, Keys: keysText, History: HistoryOf(message), AttemptsMade: attemptsMade);
        if (_cancelledOnEvents.TryGetValue(functionId, out var cancellable) && CancelledBy(session, cancellable, envelope) is { } cancelReason)
        {
            // Checked once the run is in flight, so a cancelling event learnt of from now on finds it there; the engine
            // settles it cancelled without calling the function.
            return new RunDelivery(runId, functionId, envelope, attemptsMade, _time.GetUtcNow(), wire.Trace) { Keys = keys, CancelReason = cancelReason };
        }

        var dueAt = attemptsMade == 0 ? message.StoredAt : _time.GetUtcNow();
        return keys is null
            ? new RunDelivery(runId, functionId, envelope, attemptsMade, dueAt, wire.Trace)
            : new RunDelivery(runId, functionId, envelope, attemptsMade, dueAt, wire.Trace) { Keys = keys };
    }

    /// <summary>
    /// Hands a delivery that cannot run to the engine, which fails it through its one path: its outcome dead-letters it
    /// with the cause and ends its deliveries (<see cref="ReportAsync"/>).
    /// </summary>
    private RunDelivery Poisoned(string functionId, string runId, DeliveredMessage message, WireEvent known, int attemptsMade, long progress, Exception cause)
    {
        _inFlight[runId] = new InFlightRun(functionId, runId, message, known, progress, Undecodable: true, History: HistoryOf(message), AttemptsMade: attemptsMade);
        return RunDelivery.Poisoned(runId, functionId, known.Id, known.Name, known.Timestamp, attemptsMade, _time.GetUtcNow(), cause);
    }

    /// <summary>The attempts a delivery carries: only a message that delivers a run again has any, so a first delivery reads nothing.</summary>
    private static IReadOnlyList<RunAttempt>? HistoryOf(DeliveredMessage message) =>
        HeaderText.Get(message.Headers, AttemptHistoryHeader.Name) is { } text ? AttemptHistoryHeader.Decode(text) : null;

    public async ValueTask ReportAsync(RunOutcome outcome, CancellationToken cancellationToken)
    {
        if (!_inFlight.TryRemove(outcome.RunId, out var run))
        {
            return;
        }

        var message = run.Message;
        try
        {
            switch (outcome.Kind)
            {
                case RunOutcomeKind.Succeeded:
                    await message.AckAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case RunOutcomeKind.RetryScheduled:
                case RunOutcomeKind.Deferred:
                    await ScheduleRetryAsync(run, outcome, cancellationToken).ConfigureAwait(false);
                    break;
                case RunOutcomeKind.Skipped:
                case RunOutcomeKind.Cancelled:
                    var ending = await OpenAsync(cancellationToken).ConfigureAwait(false);
                    var status = outcome.Kind == RunOutcomeKind.Skipped ? RunStatus.Skipped : RunStatus.Cancelled;
                    await ending.DeadLetters.WriteAsync(DeadLetterOf(run, outcome) with { Status = status, Reason = outcome.Reason }, cancellationToken).ConfigureAwait(false);
                    await message.TerminateAsync(cancellationToken).ConfigureAwait(false);
                    if (ending.Cancelled.TryGet(run.RunId, out _))
                    {
                        await ending.Cancelled.ForgetAsync(run.RunId, cancellationToken).ConfigureAwait(false);
                    }

                    break;
                case RunOutcomeKind.Failed:
                    var session = await OpenAsync(cancellationToken).ConfigureAwait(false);
                    await session.DeadLetters.WriteAsync(DeadLetterOf(run, outcome), cancellationToken).ConfigureAwait(false);
                    await message.TerminateAsync(cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await HandBackAsync(run, outcome.Attempts, run.HistoryWith(RunAttempts.Of(outcome)), cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            Log.ReportFailed(_logger, outcome.RunId, error);
        }
    }

    public async ValueTask<FunctionRun?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        if (_inFlight.TryGetValue(runId, out var running))
        {
            return InFlightRuns.ToRun(running, _time.GetUtcNow());
        }

        var session = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        if (session.Cancelled.TryGet(runId, out var marked))
        {
            return CancelledRun(runId, null, marked, now);
        }

        if (await WaitingRunAsync(session, runId, now, cancellationToken).ConfigureAwait(false) is { } waiting)
        {
            return waiting;
        }

        var known = await _deadLetterRuns.GetAsync(session, runId, now, cancellationToken).ConfigureAwait(false);
        if (known is null or { Status: RunStatus.Pending or RunStatus.Succeeded }
            && await session.Cancelled.ReadAsync(runId, cancellationToken).ConfigureAwait(false) is { } reason)
        {
            return CancelledRun(runId, known, reason, now);
        }

        return known;
    }

    /// <summary>A run waiting in the retry bucket (for its retry, or deferred), as this instance's retry timer knows it.</summary>
    private static async ValueTask<FunctionRun?> WaitingRunAsync(JetStreamSession session, string runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!RunIds.TryParse(runId, out var sequence, out var functionId) || !session.RetryTimer.TryFind(functionId, sequence, out var key))
        {
            return null;
        }

        var (found, waiting) = await session.Retries.ReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (!found || waiting is null)
        {
            return null;
        }

        RetryKey.TryGetDue(key, out var dueAt);
        RetryKey.TryGetRun(key, out _, out _, out var deferred);
        return new FunctionRun
        {
            RunId = runId,
            FunctionId = functionId,
            EventId = waiting.Event.Id,
            EventName = waiting.Event.Name,
            Status = deferred ? RunStatus.Pending : RunStatus.RetryScheduled,
            Attempts = waiting.AttemptsMade,
            AttemptHistory = waiting.Attempts,
            AttemptsNotKept = RunAttempts.NotKept(waiting.AttemptsMade, waiting.Attempts),
            CreatedAt = waiting.Event.Timestamp,
            UpdatedAt = now,
            NextAttemptAt = dueAt,
        };
    }

    public async ValueTask<FunctionRun?> CancelRunAsync(string runId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var session = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (_inFlight.TryGetValue(runId, out var running))
        {
            await session.Announcements.AnnounceAsync(runId, reason, cancellationToken).ConfigureAwait(false);
            return InFlightRuns.ToRun(running, _time.GetUtcNow());
        }

        if (await _deadLetterRuns.FindEndedAsync(session, runId, cancellationToken).ConfigureAwait(false) is { } ended)
        {
            return ended;
        }

        // Pending, waiting in the retry bucket, or executing on another instance: marked for whoever delivers it next,
        // and announced to the instance executing it, if one is.
        await session.Cancelled.MarkAsync(runId, reason, cancellationToken).ConfigureAwait(false);
        await session.Announcements.AnnounceAsync(runId, reason, cancellationToken).ConfigureAwait(false);
        return CancelledRun(runId, null, reason, now);
    }

    public async IAsyncEnumerable<RunCancellation> WatchCancellationsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var session = await OpenWhenReachableAsync(cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            yield break;
        }

        await foreach (var cancellation in session.Announcements.WatchAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return cancellation;
        }
    }

    /// <summary>
    /// Records the cancelling event in the flow bucket for every instance (runs of a stream cannot be searched): each checks
    /// the runs it executes when it learns of it, and every later delivery of the function before it starts. Answers the
    /// function's runs waiting in the retry bucket (for a retry, or deferred), which every instance knows, at most the
    /// query's limit: those the engine cancels are marked at once. Runs still in the stream show cancelled when delivered.
    /// </summary>
    public async ValueTask<IReadOnlyList<CancelOnCandidate>> FindCancelOnCandidatesAsync(CancelOnQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var session = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var cancelling = query.Cancelling;
        var watch = new CancelOnWatch(query.FunctionId, query.RuleIndex, query.MatchKey, query.WatchedSince, cancelling.Id, cancelling.Name, cancelling.Timestamp, _codec.Serialize(cancelling)) { Query = query };
        await session.CancelOn.RecordAsync(watch, cancellationToken).ConfigureAwait(false);
        return _cancelledOnEvents.TryGetValue(query.FunctionId, out var function)
            ? await WaitingCandidatesAsync(session, function, query, cancellationToken).ConfigureAwait(false)
            : [];
    }

    /// <summary>The function's runs waiting in the retry bucket inside the query's window, their side of the match read from their payload.</summary>
    private async ValueTask<IReadOnlyList<CancelOnCandidate>> WaitingCandidatesAsync(JetStreamSession session, FunctionDescriptor function, CancelOnQuery query, CancellationToken cancellationToken)
    {
        var rule = function.CancelOn[query.RuleIndex];
        var candidates = new List<CancelOnCandidate>();
        foreach (var key in session.RetryTimer.WaitingKeys())
        {
            if (!RetryKey.TryGetRun(key, out var functionId, out _, out _) || !functionId.SequenceEqual(function.Id))
            {
                continue;
            }

            var (found, waiting) = await session.Retries.ReadAsync(key, cancellationToken).ConfigureAwait(false);
            if (!found || waiting is null)
            {
                continue;
            }

            var timestamp = waiting.Event.Timestamp;
            if (timestamp >= query.Cancelling.Timestamp || (query.WatchedSince is { } since && timestamp < since))
            {
                continue;
            }

            try
            {
                var envelope = _codec.Deserialize(waiting.Event.Name, waiting.Event.Id, timestamp, waiting.Event.Payload.Span);
                var matches = new string?[function.CancelOn.Count];
                matches[query.RuleIndex] = rule.RunKey?.Evaluate(envelope.Payload);
                candidates.Add(new CancelOnCandidate(waiting.RunId, timestamp, new AttrFanout.FlowControl.RunKeys { CancelMatches = matches }, envelope));
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                Log.CancelOnCheckFailed(_logger, function.Id, query.Cancelling.Id, error);
            }

            if (candidates.Count >= query.Limit)
            {
                break;
            }
        }

        return candidates;
    }

    /// <summary>The reason of the first recorded cancelling event that cancels a delivery of <paramref name="function"/>, or <see langword="null"/>.</summary>
    private string? CancelledBy(JetStreamSession session, FunctionDescriptor function, EventEnvelope envelope)
    {
        foreach (var watch in session.CancelOn.Of(function.Id))
        {
            if (Cancels(function, watch, envelope))
            {
                return watch.Query!.Reason;
            }
        }

        return null;
    }

    /// <summary>Asks the instance executing each run of the watch's function that it cancels to stop (announced to every instance).</summary>
    private async Task CancelExecutingAsync(JetStreamSession session, CancelOnWatch watch)
    {
        if (!_cancelledOnEvents.TryGetValue(watch.FunctionId, out var function))
        {
            return;
        }

        foreach (var run in _inFlight.Values)
        {
            if (run.Undecodable || !string.Equals(run.FunctionId, watch.FunctionId, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                var envelope = _codec.Deserialize(run.Event.Name, run.Event.Id, run.Event.Timestamp, run.Event.Payload.Span);
                if (Cancels(function, watch, envelope))
                {
                    await session.Announcements.AnnounceAsync(run.RunId, watch.Query!.Reason, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception error)
            {
                Log.CancelOnAnnounceFailed(_logger, run.RunId, error);
            }
        }
    }

    /// <summary>The engine's decision (<see cref="Triggers.CancelOnMatch"/>), the run's side of the match read from its payload.</summary>
    private bool Cancels(FunctionDescriptor function, CancelOnWatch watch, EventEnvelope envelope)
    {
        if (watch.RuleIndex >= function.CancelOn.Count)
        {
            return false;
        }

        var rule = function.CancelOn[watch.RuleIndex];
        try
        {
            watch.Query ??= new CancelOnQuery(watch.FunctionId, watch.RuleIndex, _codec.Deserialize(watch.EventName, watch.EventId, watch.Timestamp, watch.Payload))
            {
                MatchKey = watch.MatchKey,
                WatchedSince = watch.WatchedSince,
                NeedsEvent = rule.If is not null,
            };
            var matches = new string?[function.CancelOn.Count];
            matches[watch.RuleIndex] = rule.RunKey?.Evaluate(envelope.Payload);
            return Triggers.CancelOnMatch.Cancels(rule, watch.Query, envelope.Timestamp, new AttrFanout.FlowControl.RunKeys { CancelMatches = matches }, envelope);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            Log.CancelOnCheckFailed(_logger, function.Id, watch.EventId, error);
            return false;
        }
    }

    private static FunctionRun CancelledRun(string runId, FunctionRun? known, string reason, DateTimeOffset now) => known is not null
        ? known with { Status = RunStatus.Cancelled, Reason = reason, UpdatedAt = now }
        : new FunctionRun
        {
            RunId = runId,
            FunctionId = RunIds.TryParse(runId, out _, out var functionId) ? functionId : "",
            EventId = "",
            EventName = "",
            Status = RunStatus.Cancelled,
            Reason = reason,
            UpdatedAt = now,
        };

    /// <summary>
    /// Records a run cancelled before it was delivered as ended <see cref="RunStatus.Cancelled"/> (beside the failed runs),
    /// ends its delivery and removes its mark: it never reaches the engine.
    /// </summary>
    private async ValueTask EndCancelledAsync(JetStreamSession session, string functionId, string runId, DeliveredMessage message, int attemptsMade, string reason, CancellationToken cancellationToken)
    {
        if (session.Reader.TryRead(message.Subject, message.Headers, message.Body, message.StoredAt, out var wire, out _))
        {
            var keys = _flows.TryGetValue(functionId, out var flow) ? flow.ReadKeys(message).Text : null;
            var run = new InFlightRun(functionId, runId, message, wire, 0, Keys: keys);
            var outcome = RunOutcome.Cancelled(runId, attemptsMade, _time.GetUtcNow(), reason);
            await session.DeadLetters.WriteAsync(DeadLetterOf(run, outcome) with { Status = RunStatus.Cancelled, Reason = reason }, cancellationToken).ConfigureAwait(false);
        }

        await message.TerminateAsync(cancellationToken).ConfigureAwait(false);
        await session.Cancelled.ForgetAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<FunctionRun>> ListFailedAsync(FailedRunQuery query, CancellationToken cancellationToken)
    {
        var session = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await _deadLetterRuns.ListFailedAsync(session, query, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<RunPage> ListRunsAsync(RunQuery query, CancellationToken cancellationToken)
    {
        var session = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await _listing.RunsAsync(session, query, _inFlight.Values, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<EventPage> ListEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        var session = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await _listing.EventsAsync(session, query, _inFlight.Values, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<RunCounts> CountRunsAsync(CancellationToken cancellationToken)
    {
        var session = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await _listing.CountsAsync(session, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<FunctionRun?> ReplayAsync(string runId, string newRunId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var session = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await _deadLetterRuns.ReplayAsync(session, runId, newRunId, now, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _inFlight.Clear();
        await _openGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_clock is { } clock)
            {
                _clock = null;
                await clock.DisposeAsync().ConfigureAwait(false);
            }

            if (_session is { } session)
            {
                _session = null;
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _openGate.Release();
        }
    }

    /// <summary>
    /// Hands a run interrupted by shutdown back for another instance. The server would count the interrupted delivery as
    /// an attempt, so the run goes on as a replay message carrying the attempts it really made, and this delivery ends.
    /// The function's feed stops pulling first (the engine takes no more runs once it stops), so its own pull request
    /// cannot take the replay and hand it back as one more delivery.
    /// </summary>
    private async ValueTask HandBackAsync(InFlightRun run, int attemptsMade, string? history, CancellationToken cancellationToken)
    {
        var session = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (session.Feeds.TryGetValue(run.FunctionId, out var feed))
        {
            await feed.ReleaseAllAsync().ConfigureAwait(false);
        }

        var message = run.Message;
        if (run.Undecodable)
        {
            // Not a run that can go on as a replay: delivered again, for the next receiver to fail.
            await message.RetryAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            return;
        }

        await session.Publisher.PublishHandBackAsync(run.FunctionId, run.Event, run.RunId, attemptsMade, HeldRun.HandBackId(run.FunctionId, message), run.Keys, cancellationToken, history).ConfigureAwait(false);
        await message.TerminateAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Keeps a run waiting for its next attempt out of the function consumer's pending set (where a delayed negative
    /// acknowledgement would hold one of its <c>MaxAckPending</c> places until due): the run is recorded in the retry
    /// bucket, and only once the server stored it does this delivery end; the <see cref="RetryTimer"/> of any instance
    /// replays it when due, with its attempts.
    /// </summary>
    private async ValueTask ScheduleRetryAsync(InFlightRun run, RunOutcome outcome, CancellationToken cancellationToken)
    {
        var session = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var message = run.Message;
        var runSequence = RunIds.TryParse(run.RunId, out var sequence, out _) ? sequence : 0;
        var key = RetryKey.For(outcome.DueAt ?? outcome.At, run.FunctionId, message.StreamSequence, message.DeliveryCount, runSequence, outcome.Kind == RunOutcomeKind.Deferred);
        await session.Retries.RecordAsync(key, new WaitingRun(run.FunctionId, run.RunId, outcome.Attempts, run.Event, run.Keys, run.HistoryWith(RunAttempts.Of(outcome))), cancellationToken).ConfigureAwait(false);
        await message.TerminateAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>For containers disposed synchronously: hands buffered runs back and closes the connection.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Opens the session for a worker, waiting while the server cannot be reached: the failure is logged once, with the
    /// server and what to do, then at a throttled rate (<see cref="UnreachableServerLog"/>), instead of each worker of
    /// each function failing with a stack trace every second. <see langword="null"/> once the store is disposed.
    /// </summary>
    private async ValueTask<JetStreamSession?> OpenWhenReachableAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var session = await OpenAsync(cancellationToken).ConfigureAwait(false);
                _unreachable.Reached();
                return session;
            }
            catch (ObjectDisposedException) when (_disposed)
            {
                return null;
            }
            catch (AttrFanoutConfigurationException error)
            {
                if (Interlocked.Exchange(ref _refusalLogged, 1) == 0)
                {
                    Log.Refused(_logger, error.Message);
                }

                return null;
            }
            catch (Exception error) when (error is not (OperationCanceledException or AttrFanoutConfigurationException) && !_disposed)
            {
                _unreachable.Failed(error, ReconnectPause);
            }

            await Task.Delay(ReconnectPause, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Connects and provisions on first use; a failed attempt is retried by the next call.</summary>
    internal async ValueTask<JetStreamSession> OpenAsync(CancellationToken cancellationToken)
    {
        if (_session is { } open)
        {
            return open;
        }

        await _openGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_refused is not null)
            {
                throw _refused;
            }

            if (_session is null)
            {
                JetStreamSession session;
                try
                {
                    session = await JetStreamSession.OpenAsync(_options, [.. _functions.Values], _fetchBatch, IsDeclared, _time, _logger, cancellationToken).ConfigureAwait(false);
                }
                catch (AttrFanoutConfigurationException refused)
                {
                    // Not retried: the server's state refuses this app (a function Id another app owns) until someone acts.
                    _refused = refused;
                    throw;
                }

                _clock = new ProgressClock(session.AllFeeds, _inFlight, _time);
                session.CancelOn.Arrived += watch => _ = CancelExecutingAsync(session, watch);
                _session = session;
            }

            return _session;
        }
        finally
        {
            _openGate.Release();
        }
    }

    private bool IsDeclared(string eventName) => _catalog.TryGetEvent(eventName, out _);

    private DeadLetter DeadLetterOf(InFlightRun run, RunOutcome outcome)
    {
        var message = run.Message;
        return new DeadLetter(
            run.FunctionId,
            outcome.RunId,
            run.Event.Id is { Length: > 0 } eventId ? eventId : null,
            run.Event.Name is { Length: > 0 } eventName ? eventName : null,
            run.Event.Timestamp,
            run.Event.Payload,
            outcome.ErrorType ?? "",
            outcome.ErrorMessage ?? "",
            outcome.Attempts,
            outcome.At,
            message.Subject,
            message.StreamSequence,
            run.Event.Trace)
        {
            Keys = run.Keys,
            AttemptHistory = run.HistoryWith(RunAttempts.Of(outcome)),
        };
    }
}
