using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Consuming;

/// <summary>One delivery of a stream message to a consumer, with the acknowledgements the server understands.</summary>
internal sealed class DeliveredMessage(INatsJSMsg<byte[]> message)
{
    public string Subject => message.Subject;

    public NatsHeaders? Headers => message.Headers;

    public byte[] Body => message.Data ?? [];

    /// <summary>Gets the message's sequence in the stream: the same on every delivery, unique in the stream.</summary>
    public ulong StreamSequence => message.Metadata?.Sequence.Stream ?? 0;

    /// <summary>Gets which delivery this is, starting at 1.</summary>
    public int DeliveryCount => (int)(message.Metadata?.NumDelivered ?? 1);

    /// <summary>Gets when the message was stored.</summary>
    public DateTimeOffset StoredAt => message.Metadata?.Timestamp ?? default;

    /// <summary>
    /// Done: the server will not deliver it to this consumer again. Not confirmed by the server (a lost ack means one
    /// more delivery, which at-least-once allows); failures, retries and terminations are.
    /// </summary>
    public ValueTask AckAsync(CancellationToken cancellationToken) => message.AckAsync(cancellationToken: cancellationToken);

    /// <summary>Not done: the server delivers it again after <paramref name="delay"/>.</summary>
    public ValueTask RetryAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        message.NakAsync(new AckOpts { NakDelay = delay > TimeSpan.Zero ? delay : null, DoubleAck = true }, cancellationToken);

    /// <summary>Never again: the server stops delivering it to this consumer. (A 2.9 server ignores a terminate that carries a reason, so none is sent.)</summary>
    public ValueTask TerminateAsync(CancellationToken cancellationToken) =>
        message.AckTerminateAsync(DoubleAck, cancellationToken);

    /// <summary>Still working: restarts the server's ack-wait clock.</summary>
    public ValueTask ProgressAsync(CancellationToken cancellationToken) => message.AckProgressAsync(cancellationToken: cancellationToken);

    private static AckOpts DoubleAck => new() { DoubleAck = true };
}
