using System.Globalization;
using NATS.Client.Core;

namespace AttrFanout.Nats.Consuming;

/// <summary>One delivery of a stream message to a consumer, with the acknowledgements the server understands.</summary>
internal sealed class DeliveredMessage
{
    private static readonly ReadOnlyMemory<byte> Ack = "+ACK"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> Nak = "-NAK"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> Terminate = "+TERM"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> Progress = "+WPI"u8.ToArray();

    private readonly INatsConnection _connection;
    private readonly string _replyTo;
    private AckReply? _delivery;
    private long _keptAt;

    /// <param name="subject">The subject the message was published to.</param>
    /// <param name="replyTo">The delivery's ack subject.</param>
    /// <param name="headers">The message's headers.</param>
    /// <param name="body">The message's body.</param>
    /// <param name="delivery">What the ack subject says, or <see langword="null"/> to read it when first asked.</param>
    /// <param name="connection">The connection to acknowledge on.</param>
    /// <param name="keptAt">When the delivery was read (timestamp units).</param>
    public DeliveredMessage(string subject, string replyTo, NatsHeaders? headers, byte[]? body, AckReply? delivery, INatsConnection connection, long keptAt)
    {
        Subject = subject;
        Headers = headers;
        Body = body ?? [];
        _replyTo = replyTo;
        _delivery = delivery;
        _connection = connection;
        _keptAt = keptAt;
    }

    public string Subject { get; }

    /// <summary>Gets or sets the run's place in a priority order, once worked out (see <see cref="ConsumerFeed.TryTakeFirst"/>).</summary>
    public long? Rank { get; set; }

    public NatsHeaders? Headers { get; }

    public byte[] Body { get; }

    /// <summary>Gets the consumer that delivered it.</summary>
    public string Consumer => Delivery.Consumer;

    /// <summary>Gets the message's sequence in the stream: the same on every delivery, unique in the stream.</summary>
    public ulong StreamSequence => Delivery.StreamSequence;

    /// <summary>Gets which delivery this is, starting at 1.</summary>
    public int DeliveryCount => Delivery.DeliveryCount;

    /// <summary>Gets when the message was stored.</summary>
    public DateTimeOffset StoredAt => Delivery.StoredAt;

    private AckReply Delivery => _delivery ??= AckReply.TryParse(_replyTo, [], out var delivery) ? delivery : new AckReply("", 0, 1, default);

    /// <summary>
    /// Done: the server will not deliver it to this consumer again. Not confirmed by the server (a lost ack means one
    /// more delivery, which at-least-once allows); failures, retries and terminations are.
    /// </summary>
    public ValueTask AckAsync(CancellationToken cancellationToken) =>
        _connection.PublishAsync(_replyTo, Ack, serializer: NatsRawSerializer<ReadOnlyMemory<byte>>.Default, cancellationToken: cancellationToken);

    /// <summary>Not done: the server delivers it again after <paramref name="delay"/>.</summary>
    public ValueTask RetryAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        ConfirmAsync(delay > TimeSpan.Zero ? NakWithDelay(delay) : Nak, cancellationToken);

    /// <summary>Never again: the server stops delivering it to this consumer. (A 2.9 server ignores a terminate that carries a reason, so none is sent.)</summary>
    public ValueTask TerminateAsync(CancellationToken cancellationToken) => ConfirmAsync(Terminate, cancellationToken);

    /// <summary>Still working: restarts the server's ack-wait clock.</summary>
    public ValueTask ProgressAsync(CancellationToken cancellationToken) =>
        _connection.PublishAsync(_replyTo, Progress, serializer: NatsRawSerializer<ReadOnlyMemory<byte>>.Default, cancellationToken: cancellationToken);

    /// <summary>
    /// Sends an in-progress ack when the server's ack-wait clock of this delivery has run for <paramref name="interval"/>
    /// or more (timestamp units) at <paramref name="now"/> since the delivery was read or last said to be in progress.
    /// </summary>
    public void KeepAlive(long now, long interval)
    {
        var keptAt = Volatile.Read(ref _keptAt);
        if (now - keptAt >= interval && Interlocked.CompareExchange(ref _keptAt, now, keptAt) == keptAt)
        {
            _ = SendProgressAsync();
        }
    }

    private static ReadOnlyMemory<byte> NakWithDelay(TimeSpan delay) =>
        System.Text.Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""-NAK {"delay":{{delay.Ticks * 100}}}"""));

    private async Task SendProgressAsync()
    {
        try
        {
            await ProgressAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The next beat tries again; if the connection is gone, the server redelivers it after its ack wait.
        }
    }

    private async ValueTask ConfirmAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        await _connection.RequestAsync<ReadOnlyMemory<byte>, byte[]>(
            _replyTo,
            payload,
            requestSerializer: NatsRawSerializer<ReadOnlyMemory<byte>>.Default,
            replySerializer: NatsRawSerializer<byte[]>.Default,
            cancellationToken: cancellationToken).ConfigureAwait(false);
}
