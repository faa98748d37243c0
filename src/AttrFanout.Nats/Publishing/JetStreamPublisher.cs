using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Publishing;

/// <summary>
/// Publishes into streams and matches each server acknowledgement to its publish on one inbox subscription: every
/// publish gets its own reply subject under the inbox, a reader completes the pending publish a reply names, and one
/// timer fails those left unanswered past the request timeout. This replaces the client's request per publish (a reply
/// task with its own timeout timer, and a JSON deserializer, each).
/// </summary>
/// <remarks>
/// A publish the server answers with "no responders" (no stream takes the subject yet, e.g. during a leader election) is
/// sent again once after <see cref="NoRespondersWait"/>; then, as for a publish left unanswered, it fails with
/// <see cref="NatsJSPublishNoResponseException"/>.
/// </remarks>
internal sealed class JetStreamPublisher : IAsyncDisposable
{
    /// <summary>How long a publish answered with "no responders" waits before it is sent again, once.</summary>
    internal static readonly TimeSpan NoRespondersWait = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan ExpiryTick = TimeSpan.FromSeconds(1);

    /// <summary>How many locks guard the pending publishes: senders add theirs while the reader removes the answered ones.</summary>
    private const int LockStripes = 64;

    private readonly INatsConnection _connection;
    private readonly INatsSub<byte[]> _replies;
    private readonly string _replyPrefix;
    private readonly ConcurrentDictionary<long, PendingPublish> _pending = new(LockStripes, 1024);
    private readonly long _timeout;
    private readonly TimeProvider _time;
    private readonly ITimer _expiry;
    private readonly Task _reading;
    private long _next;
    private volatile bool _disposed;

    private JetStreamPublisher(INatsConnection connection, INatsSub<byte[]> replies, string replyPrefix, TimeSpan timeout, TimeProvider time)
    {
        _connection = connection;
        _replies = replies;
        _replyPrefix = replyPrefix;
        _timeout = (long)(timeout.TotalSeconds * time.TimestampFrequency);
        _time = time;
        _expiry = time.CreateTimer(static state => ((JetStreamPublisher)state!).FailExpired(), this, ExpiryTick, ExpiryTick);
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>Subscribes to a fresh inbox for the acknowledgements.</summary>
    /// <param name="connection">The connection to publish on.</param>
    /// <param name="timeout">How long a publish waits for its acknowledgement.</param>
    /// <param name="time">The clock.</param>
    /// <param name="cancellationToken">
    /// Checked before subscribing; not given to the client, which would end the subscription when the caller's token is
    /// cancelled (see <see cref="Consuming.PullSubscription.OpenAsync"/>).
    /// </param>
    public static async ValueTask<JetStreamPublisher> OpenAsync(INatsConnection connection, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Under the connection's inbox prefix (NatsOpts.InboxPrefix, which the server's permissions may require), but not
        // under NewInbox(): the client muxes subjects there by exact match, and this subscription is a wildcard.
        var inbox = connection.Opts.InboxPrefix + ".AF" + Guid.NewGuid().ToString("N");
        var replies = await connection.SubscribeCoreAsync(
            inbox + ".*",
            serializer: NatsRawSerializer<byte[]>.Default,
            opts: new NatsSubOpts { ChannelOpts = new NatsSubChannelOpts { Capacity = 4096, FullMode = BoundedChannelFullMode.Wait } },
            cancellationToken: CancellationToken.None).ConfigureAwait(false);
        return new JetStreamPublisher(connection, replies, inbox + ".", timeout, time);
    }

    /// <summary>Publishes and waits for the stream's acknowledgement.</summary>
    /// <exception cref="NatsJSPublishNoResponseException">No stream answered within the request timeout.</exception>
    /// <exception cref="NatsJSApiException">The stream refused the message.</exception>
    /// <exception cref="NatsJSException">The acknowledgement could not be read.</exception>
    public async ValueTask<PublishOutcome> PublishAsync(string subject, ReadOnlyMemory<byte> payload, NatsHeaders headers, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var id = Interlocked.Increment(ref _next);
            var pending = new PendingPublish(_time.GetTimestamp() + _timeout);
            _pending[id] = pending;
            try
            {
                // Disposal fails the publishes it finds pending; one added after it looked would wait forever.
                ObjectDisposedException.ThrowIf(_disposed, this);
                await _connection.PublishAsync(
                    subject,
                    payload,
                    headers,
                    _replyPrefix + id.ToString(CultureInfo.InvariantCulture),
                    NatsRawSerializer<ReadOnlyMemory<byte>>.Default,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                var reply = await (cancellationToken.CanBeCanceled ? pending.Task.WaitAsync(cancellationToken) : pending.Task).ConfigureAwait(false);
                if (reply is { } ack)
                {
                    return ack.IsDuplicate || ack.Error is null ? new PublishOutcome(ack.Sequence, ack.IsDuplicate) : throw new NatsJSApiException(ack.Error);
                }
            }
            finally
            {
                _pending.TryRemove(id, out _);
            }

            if (attempt > 1)
            {
                throw new NatsJSPublishNoResponseException();
            }

            await Task.Delay(NoRespondersWait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await _expiry.DisposeAsync().ConfigureAwait(false);
        await _replies.DisposeAsync().ConfigureAwait(false);
        await _reading.ConfigureAwait(false);
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var pending))
            {
                pending.TrySetException(new ObjectDisposedException(nameof(JetStreamPublisher)));
            }
        }
    }

    private async Task ReadAsync()
    {
        var replies = _replies.Msgs;
        while (await replies.WaitToReadAsync().ConfigureAwait(false))
        {
            while (replies.TryRead(out var reply))
            {
                Complete(reply);
            }
        }
    }

    private void Complete(in NatsMsg<byte[]> reply)
    {
        if (!long.TryParse(reply.Subject.AsSpan(_replyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !_pending.TryRemove(id, out var pending))
        {
            return;
        }

        if (reply.Headers is { Code: 503 })
        {
            pending.TrySetResult(null);
        }
        else if (PubAck.TryRead(reply.Data, out var ack))
        {
            pending.TrySetResult(ack);
        }
        else
        {
            pending.TrySetException(new NatsJSException($"The server's reply to a publish is not an acknowledgement (status {reply.Headers?.Code}, {reply.Data?.Length ?? 0} bytes)."));
        }
    }

    private void FailExpired()
    {
        var now = _time.GetTimestamp();
        foreach (var (id, pending) in _pending)
        {
            if (now > pending.Deadline && _pending.TryRemove(id, out _))
            {
                pending.TrySetException(new NatsJSPublishNoResponseException());
            }
        }
    }

    /// <summary>A publish waiting for its acknowledgement; <see langword="null"/> means the server had no responder for it.</summary>
    private sealed class PendingPublish(long deadline) : TaskCompletionSource<PubAck?>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public long Deadline => deadline;
    }
}
