using AttrFanout.Nats.Consuming;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Tests.Infrastructure;

/// <summary>Pulls messages from one durable consumer with the client's own fetch, as another process would.</summary>
internal sealed class DurableConsumer(INatsJSContext js, string stream, string name)
{
    private INatsJSConsumer? _consumer;

    public string Name => name;

    /// <summary>The shortest wait the client accepts for a pull request.</summary>
    public static readonly TimeSpan MinExpiry = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// Pulls up to <paramref name="max"/> messages: waits on the server up to <paramref name="expires"/> (at least
    /// <see cref="MinExpiry"/>) for the first, then takes only those already waiting, so one message is not held back
    /// until a batch fills.
    /// </summary>
    public async ValueTask<IReadOnlyList<DeliveredMessage>> FetchAsync(int max, TimeSpan expires, CancellationToken cancellationToken)
    {
        var consumer = _consumer ??= await js.GetConsumerAsync(stream, name, cancellationToken).ConfigureAwait(false);
        var opts = new NatsJSNextOpts { Expires = expires > MinExpiry ? expires : MinExpiry };
        if (await consumer.NextAsync(NatsRawSerializer<byte[]>.Default, opts, cancellationToken).ConfigureAwait(false) is not { } first)
        {
            return [];
        }

        if (max == 1)
        {
            return [Delivered(first)];
        }

        var messages = new List<DeliveredMessage>(max) { Delivered(first) };
        messages.AddRange(await FetchWaitingAsync(max - 1, cancellationToken).ConfigureAwait(false));
        return messages;
    }

    /// <summary>Pulls up to <paramref name="max"/> messages that are already waiting, without waiting for more.</summary>
    public async ValueTask<IReadOnlyList<DeliveredMessage>> FetchWaitingAsync(int max, CancellationToken cancellationToken)
    {
        var consumer = _consumer ??= await js.GetConsumerAsync(stream, name, cancellationToken).ConfigureAwait(false);
        var messages = new List<DeliveredMessage>(max);
        var opts = new NatsJSFetchOpts { MaxMsgs = max };
        await foreach (var message in consumer.FetchNoWaitAsync(opts, NatsRawSerializer<byte[]>.Default, cancellationToken).ConfigureAwait(false))
        {
            messages.Add(Delivered(message));
        }

        return messages;
    }

    private static DeliveredMessage Delivered(INatsJSMsg<byte[]> message)
    {
        Assert.True(AckReply.TryParse(message.ReplyTo!, [], out var delivery), $"'{message.ReplyTo}' is not an ack subject");
        return new DeliveredMessage(message.Subject, message.ReplyTo!, message.Headers, message.Data, delivery, message.Connection!, 0);
    }
}
