using AttrFanout.Nats.Connection;
using AttrFanout.Nats.Consuming;
using AttrFanout.Nats.DeadLetters;
using AttrFanout.Nats.FlowControl;
using AttrFanout.Nats.Intake;
using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Publishing;
using AttrFanout.Nats.Retries;
using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Wire;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Store;

/// <summary>An open connection with the streams and consumers provisioned, and the pieces that use them.</summary>
internal sealed class JetStreamSession : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _intake = Task.CompletedTask;
    private JetStreamPublisher? _publisher;
    private RetryTimer? _retryTimer;
    private bool _ownsConnection;

    private JetStreamSession(NatsJetStreamOptions options, INatsConnection connection)
    {
        Options = options;
        Connection = connection;
        Js = new NatsJSContext(connection);
        Subjects = new SubjectLayout(options.SubjectPrefix);
        Topology = new JetStreamTopology(options, Subjects);
        DeadLetters = new DeadLetterWriter(Js, Subjects);
        DeadLetterReader = new DeadLetterReader(Js, options.DeadLetterStreamName);
        Reader = new WireEventReader(Subjects);
    }

    public NatsJetStreamOptions Options { get; }

    public INatsConnection Connection { get; }

    public INatsJSContext Js { get; }

    public SubjectLayout Subjects { get; }

    public JetStreamTopology Topology { get; }

    public EventPublisher Publisher { get; private set; } = null!;

    public DeadLetterWriter DeadLetters { get; }

    public DeadLetterReader DeadLetterReader { get; }

    public WireEventReader Reader { get; }

    /// <summary>Gets the bucket of runs waiting for their next attempt.</summary>
    public RetryBucket Retries { get; private set; } = null!;

    /// <summary>Gets flow control's shared state: slots and rate buckets in the flow bucket.</summary>
    public JetStreamFlowControl FlowControl { get; private set; } = null!;

    /// <summary>Gets the idempotency claims in the flow bucket.</summary>
    public IdempotencyClaims Claims { get; private set; } = null!;

    /// <summary>Gets the holds of debounces and batches, in the flow bucket.</summary>
    public Holds.JetStreamHolds Holds { get; private set; } = null!;

    /// <summary>Gets the runs cancelled while not executing.</summary>
    public CancelledRuns Cancelled { get; private set; } = null!;

    /// <summary>Gets the announcements of runs to cancel while they execute.</summary>
    public CancelAnnouncements Announcements { get; private set; } = null!;

    /// <summary>Gets the cancelling events recorded in the flow bucket (<see cref="CancelOnWatches"/>).</summary>
    public CancelOnWatches CancelOn { get; private set; } = null!;

    /// <summary>Gets the timer that replays waiting runs when due.</summary>
    public RetryTimer RetryTimer => _retryTimer!;

    public Dictionary<string, ConsumerFeed> Feeds { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets every feed of the session: the functions' and the intake's.</summary>
    public List<ConsumerFeed> AllFeeds { get; } = [];

    public static async Task<JetStreamSession> OpenAsync(
        NatsJetStreamOptions options,
        IReadOnlyList<FunctionSubscription> functions,
        int fetchBatch,
        Func<string, bool> isDeclared,
        TimeProvider time,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var connection = NatsConnections.Open(options, out var owned);
        var session = new JetStreamSession(options, connection) { _ownsConnection = owned };
        try
        {
            await NatsConnections.ConnectAsync(connection, options).ConfigureAwait(false);
            session._publisher = await JetStreamPublisher.OpenAsync(connection, session.Js.Opts.RequestTimeout, time, cancellationToken).ConfigureAwait(false);
            var routable = options.DeadLetterUnroutable ? new RoutableSubjects(session.Js, options.StreamName, time) : null;
            var routes = routable is null
                ? EventRoutes.Direct(session.Subjects)
                : new EventRoutes(session.Subjects, functions.SelectMany(static f => f.TriggerEvents).ToHashSet(StringComparer.Ordinal), routable);
            session.Publisher = new EventPublisher(session._publisher, session.Subjects, routes);
            var provisioner = new JetStreamProvisioner(session.Js, session.Topology);
            if (options.AttachOnly)
            {
                await provisioner.RequireStreamsAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await provisioner.EnsureStreamsAsync(cancellationToken).ConfigureAwait(false);
            }

            session.Retries = await RetryBucket.OpenAsync(session.Js, options, cancellationToken).ConfigureAwait(false);
            var flow = new CompareAndSet(await FlowBucket.OpenAsync(session.Js, options, cancellationToken).ConfigureAwait(false));
            session.FlowControl = new JetStreamFlowControl(flow);
            session.Claims = new IdempotencyClaims(flow);
            session.Holds = new Holds.JetStreamHolds(flow.Store);
            session.Cancelled = new CancelledRuns(flow.Store, time);
            session.Announcements = new CancelAnnouncements(connection, session.Subjects.Cancel);
            session.CancelOn = new CancelOnWatches(flow.Store, time);
            foreach (var function in functions)
            {
                await provisioner.EnsureFunctionAsync(function, cancellationToken).ConfigureAwait(false);
                var functionId = function.FunctionId;
                var feed = await session.OpenFeedAsync(
                    [.. function.TriggerConsumers, ConsumerNames.Replay(functionId)],
                    fetchBatch,
                    function.AckWait,
                    message => session.HandBackUntakenAsync(functionId, message),
                    time,
                    logger,
                    cancellationToken).ConfigureAwait(false);
                session.Feeds.Add(function.FunctionId, feed);
            }

            if (!options.AttachOnly)
            {
                await new OrphanedConsumers(session.Js, options, session.Topology.App, logger)
                    .HandleAsync([.. functions.Select(static f => f.FunctionId)], [.. functions.SelectMany(static f => f.TriggerConsumers)], cancellationToken).ConfigureAwait(false);
            }

            if (routable is not null)
            {
                await provisioner.EnsureIntakeAsync(cancellationToken).ConfigureAwait(false);
                await routable.RefreshAsync(cancellationToken).ConfigureAwait(false);
                var intake = await session.OpenFeedAsync([ConsumerNames.Intake], IntakeSweeper.Batch, options.AckWait, null, time, logger, cancellationToken).ConfigureAwait(false);
                var sweeper = new IntakeSweeper(
                    intake,
                    session.Subjects,
                    routable,
                    session.Publisher,
                    isDeclared,
                    session.DeadLetters,
                    time,
                    logger);
                var stopping = session._stopping.Token;
                session._intake = Task.Run(() => sweeper.RunAsync(stopping), CancellationToken.None);
            }

            session._retryTimer = new RetryTimer(session.Retries, session.Publisher, options.RetryClock ?? time, logger);
            Log.Provisioned(logger, options.StreamName, functions.Count, NatsConnections.Servers(options));
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async ValueTask<ConsumerFeed> OpenFeedAsync(
        string[] consumers,
        int batch,
        TimeSpan ackWait,
        Func<DeliveredMessage, Task>? handBack,
        TimeProvider time,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var pull = await PullSubscription.OpenAsync(
            Js,
            Options.StreamName,
            consumers,
            (2 * ConsumerFeed.BatchesHeld * batch) + 64,
            Options.FetchExpiry,
            time,
            (consumer, code, text) => Log.PullFailed(logger, consumer, code, text),
            cancellationToken).ConfigureAwait(false);
        var feed = new ConsumerFeed(pull, consumers.Length, batch, ackWait, handBack);
        AllFeeds.Add(feed);
        return feed;
    }

    /// <summary>
    /// Hands back a run a function's feed pulled and never started, without it costing an attempt: a negative
    /// acknowledgement would make the next delivery count as one more (a function with no retries would dead-letter it
    /// unrun), so the run goes on as a replay carrying the attempts it made before, and this delivery ends. A message
    /// that is not a valid event is simply delivered again, for its next receiver to dead-letter.
    /// </summary>
    private async Task HandBackUntakenAsync(string functionId, DeliveredMessage message)
    {
        if (_publisher is null || !Reader.TryRead(message.Subject, message.Headers, message.Body, message.StoredAt, out var wire, out _))
        {
            await message.RetryAsync(TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        var attemptsMade = HeldRun.AttemptsMade(Subjects, message, out var isReplay);
        var runId = HeldRun.RunId(message, functionId, isReplay);
        try
        {
            await Publisher.PublishHandBackAsync(functionId, wire, runId, attemptsMade, HeldRun.HandBackId(functionId, message), HeaderText.Get(message.Headers, RunHeaders.KeysOf(functionId)), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            await message.RetryAsync(TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        await message.TerminateAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _intake.ConfigureAwait(false);
        if (_retryTimer is not null)
        {
            await _retryTimer.DisposeAsync().ConfigureAwait(false);
        }

        if (Cancelled is not null)
        {
            await Cancelled.DisposeAsync().ConfigureAwait(false);
        }

        if (CancelOn is not null)
        {
            await CancelOn.DisposeAsync().ConfigureAwait(false);
        }

        // Together: each release waits for the server to confirm its unsubscribe (up to the client's drain timeout when
        // the server is gone) and for its hand-backs.
        await Task.WhenAll(AllFeeds.Select(static feed => feed.ReleaseAllAsync())).ConfigureAwait(false);

        if (_publisher is not null)
        {
            await _publisher.DisposeAsync().ConfigureAwait(false);
        }

        if (_ownsConnection)
        {
            // The app's own connection (from DI) is the app's to close.
            await Connection.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }
}
