using AttrFanout.Nats.DeadLetters;
using AttrFanout.Nats.Provisioning;
using AttrFanout.Nats.Publishing;
using AttrFanout.Nats.Subjects;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Tests.Infrastructure;

/// <summary>A connection and the transport pieces for one test's own streams.</summary>
internal sealed class JetStreamHarness : IAsyncDisposable
{
    private JetStreamPublisher _publisher = null!;

    private JetStreamHarness(NatsJetStreamOptions options, NatsConnection connection)
    {
        Options = options;
        Connection = connection;
        Js = new NatsJSContext(connection);
        Subjects = new SubjectLayout(options.SubjectPrefix);
        Topology = new JetStreamTopology(options, Subjects);
        Provisioner = new JetStreamProvisioner(Js, Topology);
        DeadLetters = new DeadLetterWriter(Js, Subjects);
        DeadLetterReader = new DeadLetterReader(Js, options.DeadLetterStreamName);
    }

    public NatsJetStreamOptions Options { get; }

    public NatsConnection Connection { get; }

    public NatsJSContext Js { get; }

    public SubjectLayout Subjects { get; }

    public JetStreamTopology Topology { get; }

    public JetStreamProvisioner Provisioner { get; }

    public EventPublisher Publisher { get; private set; } = null!;

    public DeadLetterWriter DeadLetters { get; }

    public DeadLetterReader DeadLetterReader { get; }

    public static async Task<JetStreamHarness> StartAsync(NatsServerFixture server)
    {
        var options = server.NewOptions();
        var connection = new NatsConnection(new NatsOpts { Url = options.Url });
        await connection.ConnectAsync();
        var harness = new JetStreamHarness(options, connection);
        harness._publisher = await JetStreamPublisher.OpenAsync(connection, TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None);
        harness.Publisher = new EventPublisher(harness._publisher, harness.Subjects, EventRoutes.Direct(harness.Subjects));
        await harness.Provisioner.EnsureStreamsAsync(CancellationToken.None);
        return harness;
    }

    public async Task<long> StreamMessagesAsync(string stream)
    {
        var info = await Js.GetStreamAsync(stream);
        return info.Info.State.Messages;
    }

    public async ValueTask DisposeAsync()
    {
        await _publisher.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
