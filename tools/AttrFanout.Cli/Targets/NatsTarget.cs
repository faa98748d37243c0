using AttrFanout.Nats.Connection;
using AttrFanout.Nats.Subjects;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttrFanout.Cli.Targets;

/// <summary>
/// An app's NATS JetStream store, attached to as it stands (no stream, bucket or consumer is created or changed): runs
/// through AttrFanout's runs API; an event sent as any producer sends one, a JetStream publish to its ingress subject.
/// </summary>
internal sealed class NatsTarget : StoreTarget
{
    private readonly NatsSettings _settings;

    private NatsTarget(NatsSettings settings, string name)
        : base(Services(o => o.UseNatsJetStream(settings.Url, settings.Apply)), name) => _settings = settings;

    protected override string Holder => "the server";

    public static NatsTarget Open(NatsSettings settings, Secrets secrets) =>
        new(settings, $"NATS server {secrets.Mask(settings.Url)} (stream {settings.Stream}, prefix {settings.Prefix})");

    public override async Task<SentEvent> SendAsync(OutgoingEvent evt, CancellationToken cancellationToken)
    {
        string subject;
        try
        {
            subject = new SubjectLayout(_settings.Prefix).Event(evt.Name);
        }
        catch (ArgumentException e)
        {
            throw CliException.Usage(e.Message);
        }

        var options = new Nats.NatsJetStreamOptions { Url = _settings.Url };
        options.ConfigureConnection(_settings.Connection);
        await using var connection = new NatsConnection(NatsConnections.OptsOf(options));
        await NatsConnections.ConnectAsync(connection, options).ConfigureAwait(false);
        var js = new NatsJSContext(connection);
        var body = System.Text.Encoding.UTF8.GetBytes(evt.Data.GetRawText());
        try
        {
            var ack = await js.PublishAsync(
                subject,
                body,
                NatsRawSerializer<byte[]>.Default,
                new NatsJSPubOpts { MsgId = evt.Id, ExpectedStream = _settings.Stream },
                headers: null,
                cancellationToken).ConfigureAwait(false);
            if (ack.Error is { } error)
            {
                throw CliException.Failed($"The server refused the event on '{subject}': {error.Description} (code {error.Code}).");
            }

            return new SentEvent(evt.Id, ack.Duplicate, RunIds: null, ack.Seq);
        }
        catch (NatsJSPublishNoResponseException)
        {
            throw CliException.Failed($"No stream on the server stores '{subject}': start the app once (it creates stream '{_settings.Stream}'), or name its --stream and --prefix.");
        }
        catch (NatsJSApiException e)
        {
            throw CliException.Failed($"The server refused the event on '{subject}': {e.Error.Description} (code {e.Error.Code}).");
        }
    }
}
