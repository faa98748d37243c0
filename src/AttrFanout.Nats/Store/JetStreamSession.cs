using AttrFanout.Nats.Consuming;
using AttrFanout.Nats.DeadLetters;
using AttrFanout.Nats.Intake;
using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Publishing;
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

    private JetStreamSession(NatsJetStreamOptions options, NatsConnection connection)
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

    public NatsConnection Connection { get; }

    public INatsJSContext Js { get; }

    public SubjectLayout Subjects { get; }

    public JetStreamTopology Topology { get; }

    public EventPublisher Publisher { get; private set; } = null!;

    public DeadLetterWriter DeadLetters { get; }

    public DeadLetterReader DeadLetterReader { get; }

    public WireEventReader Reader { get; }

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
        var connection = new NatsConnection(new NatsOpts { Url = options.Url, Name = "attrfanout" });
        var session = new JetStreamSession(options, connection);
        try
        {
            await connection.ConnectAsync().ConfigureAwait(false);
            session._publisher = await JetStreamPublisher.OpenAsync(connection, session.Js.Opts.RequestTimeout, time, cancellationToken).ConfigureAwait(false);
            session.Publisher = new EventPublisher(session._publisher, session.Subjects);
            var provisioner = new JetStreamProvisioner(session.Js, session.Topology);
            await provisioner.EnsureStreamsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var function in functions)
            {
                await provisioner.EnsureFunctionAsync(function, cancellationToken).ConfigureAwait(false);
                var feed = await session.OpenFeedAsync(
                    [ConsumerNames.Function(function.FunctionId), ConsumerNames.Replay(function.FunctionId)], fetchBatch, function.AckWait, time, logger, cancellationToken).ConfigureAwait(false);
                session.Feeds.Add(function.FunctionId, feed);
            }

            if (options.DeadLetterUnroutable)
            {
                await provisioner.EnsureIntakeAsync(cancellationToken).ConfigureAwait(false);
                var intake = await session.OpenFeedAsync([ConsumerNames.Intake], IntakeSweeper.Batch, options.AckWait, time, logger, cancellationToken).ConfigureAwait(false);
                var sweeper = new IntakeSweeper(
                    intake,
                    session.Subjects,
                    new RoutableSubjects(session.Js, options.StreamName, time),
                    isDeclared,
                    session.DeadLetters,
                    time,
                    logger);
                var stopping = session._stopping.Token;
                session._intake = Task.Run(() => sweeper.RunAsync(stopping), CancellationToken.None);
            }

            Log.Provisioned(logger, options.StreamName, functions.Count, options.Url);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async ValueTask<ConsumerFeed> OpenFeedAsync(string[] consumers, int batch, TimeSpan ackWait, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
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
        var feed = new ConsumerFeed(pull, consumers.Length, batch, ackWait);
        AllFeeds.Add(feed);
        return feed;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _intake.ConfigureAwait(false);
        foreach (var feed in AllFeeds)
        {
            await feed.ReleaseAllAsync().ConfigureAwait(false);
        }

        if (_publisher is not null)
        {
            await _publisher.DisposeAsync().ConfigureAwait(false);
        }

        await Connection.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
