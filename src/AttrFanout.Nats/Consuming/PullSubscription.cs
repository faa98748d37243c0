using System.Globalization;
using System.Threading.Channels;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttrFanout.Nats.Consuming;

/// <summary>
/// Pulls from durable consumers of one stream through a single subscription on a private inbox: a pull request asks one
/// consumer for a batch, either of the messages waiting now (no wait) or of those to come within the expiry, and its
/// messages and the server's status replies (nothing waiting, request expired, consumer gone, ...) arrive in the
/// subscription's channel. A request's reply subject names its consumer and batch, so a status that carries no count
/// still says how many messages its request will not bring. Per consumer it counts the messages asked for and not yet
/// read, and whether the consumer had nothing for its last request; a count the server no longer answers for (requests
/// lost on a reconnect) is forgotten after the request expiry and a grace period. Reads are not thread-safe: one reader
/// at a time.
/// </summary>
internal sealed class PullSubscription : IAsyncDisposable
{
    private const string PendingMessagesHeader = "Nats-Pending-Messages";
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ErrorPause = TimeSpan.FromSeconds(1);

    private readonly INatsConnection _connection;
    private readonly INatsSub<byte[]> _sub;
    private readonly string _inbox;
    private readonly string[] _consumers;
    private readonly PullTarget[] _targets;
    private readonly TimeSpan _expires;
    private readonly TimeProvider _time;
    private readonly Action<string, int, string?> _onError;

    private PullSubscription(INatsConnection connection, INatsSub<byte[]> sub, string inbox, string apiPrefix, string stream, string[] consumers, TimeSpan expires, TimeProvider time, Action<string, int, string?> onError)
    {
        _connection = connection;
        _sub = sub;
        _inbox = inbox;
        _consumers = consumers;
        _expires = expires;
        _time = time;
        _onError = onError;
        _targets = new PullTarget[consumers.Length];
        for (var i = 0; i < consumers.Length; i++)
        {
            _targets[i] = new PullTarget($"{apiPrefix}.CONSUMER.MSG.NEXT.{stream}.{consumers[i]}", $"{inbox}.{i.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    /// <summary>Gets how many messages, data and status replies, wait in the channel.</summary>
    public int Waiting => _sub.Msgs.CanCount ? _sub.Msgs.Count : 0;

    /// <summary>Subscribes to a fresh inbox for pulls from <paramref name="consumers"/> (targets 0, 1, ... in that order).</summary>
    /// <param name="js">The JetStream context whose connection and API prefix are used.</param>
    /// <param name="stream">The stream of the consumers.</param>
    /// <param name="consumers">The durable consumers' names.</param>
    /// <param name="capacity">How many messages the channel holds; more than any reader asks for, so nothing is dropped.</param>
    /// <param name="expires">How long a pull request waits on the server for messages.</param>
    /// <param name="time">The clock.</param>
    /// <param name="onError">Called with the consumer, status code and text when a pull request ends with an error.</param>
    /// <param name="cancellationToken">
    /// Checked before subscribing. Not given to the client: it would end the subscription when cancelled, and the caller's
    /// token (a worker's, a send's) ends long before the session does — on a host stop, before the session's own stop.
    /// </param>
    public static async ValueTask<PullSubscription> OpenAsync(
        INatsJSContext js,
        string stream,
        string[] consumers,
        int capacity,
        TimeSpan expires,
        TimeProvider time,
        Action<string, int, string?> onError,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Under the connection's inbox prefix (NatsOpts.InboxPrefix, which the server's permissions may require), but not
        // under NewInbox(): the client muxes subjects there by exact match, and this subscription is a wildcard.
        var inbox = js.Connection.Opts.InboxPrefix + ".AF" + Guid.NewGuid().ToString("N");
        var sub = await js.Connection.SubscribeCoreAsync(
            inbox + ".>",
            serializer: NatsRawSerializer<byte[]>.Default,
            opts: new NatsSubOpts { ChannelOpts = new NatsSubChannelOpts { Capacity = capacity, FullMode = BoundedChannelFullMode.DropNewest } },
            cancellationToken: CancellationToken.None).ConfigureAwait(false);
        return new PullSubscription(js.Connection, sub, inbox, js.Opts.Prefix, stream, consumers, expires, time, onError);
    }

    /// <summary>Gets how many messages <paramref name="target"/> was asked for that have not been read yet.</summary>
    public int Requested(int target) => Volatile.Read(ref _targets[target].Requested);

    /// <summary>Gets whether <paramref name="target"/> may be asked again (it is not pausing after an error).</summary>
    public bool MayRequest(int target) => _time.GetTimestamp() >= Volatile.Read(ref _targets[target].PausedUntil);

    /// <summary>Gets whether <paramref name="target"/> had no message for its last request (it is idle).</summary>
    public bool IsIdle(int target) => Volatile.Read(ref _targets[target].Idle);

    /// <summary>
    /// Asks <paramref name="target"/> for up to <paramref name="batch"/> messages: those waiting now (or, when none
    /// is, the first to come), or, when <paramref name="wait"/>, also those that come within the expiry. Either request
    /// ends by the expiry.
    /// </summary>
    public async ValueTask RequestAsync(int target, int batch, bool wait, CancellationToken cancellationToken)
    {
        ref var state = ref _targets[target];
        Interlocked.Add(ref state.Requested, batch);
        Volatile.Write(ref state.RequestedAt, _time.GetTimestamp());
        try
        {
            await _connection.PublishAsync(
                state.RequestSubject,
                PullRequestBody.Create(batch, _expires, noWait: !wait),
                replyTo: state.ReplySubject + batch.ToString(CultureInfo.InvariantCulture),
                serializer: NatsRawSerializer<byte[]>.Default,
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Subtract(ref _targets[target].Requested, batch);
            throw;
        }
    }

    /// <summary>Reads the next message, handling the status replies before it.</summary>
    public bool TryRead([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DeliveredMessage? message)
    {
        while (_sub.Msgs.TryRead(out var next))
        {
            if (IsControl(next))
            {
                OnControl(next);
                continue;
            }

            var now = _time.GetTimestamp();
            AckReply? delivery = null;
            var target = 0;
            if (_targets.Length > 1)
            {
                if (!AckReply.TryParse(next.ReplyTo!, _consumers, out var parsed))
                {
                    continue;
                }

                delivery = parsed;
                target = Array.IndexOf(_consumers, parsed.Consumer);
            }

            if (target >= 0)
            {
                ref var state = ref _targets[target];
                Subtract(ref state.Requested, 1);
                Volatile.Write(ref state.ReadAt, now);
                Volatile.Write(ref state.Idle, false);
            }

            message = new DeliveredMessage(next.Subject, next.ReplyTo!, next.Headers, next.Data, delivery, _connection, now);
            return true;
        }

        message = null;
        return false;
    }

    /// <summary>Waits until the channel has something to read; <see langword="false"/> once the subscription ended.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => _sub.Msgs.WaitToReadAsync(cancellationToken);

    /// <summary>
    /// Forgets the requests of each target that got no reply for the request expiry plus a grace period while nothing
    /// waited to be read: the server no longer has them (a reconnect, a server restart). Returns whether any were forgotten.
    /// </summary>
    public bool ForgetUnansweredRequests()
    {
        if (Waiting > 0)
        {
            return false;
        }

        var forgot = false;
        var now = _time.GetTimestamp();
        for (var i = 0; i < _targets.Length; i++)
        {
            ref var state = ref _targets[i];
            var lastHeard = Math.Max(Volatile.Read(ref state.RequestedAt), Volatile.Read(ref state.ReadAt));
            if (Volatile.Read(ref state.Requested) > 0 && _time.GetElapsedTime(lastHeard, now) > _expires + Grace)
            {
                Volatile.Write(ref state.Requested, 0);
                forgot = true;
            }
        }

        return forgot;
    }

    /// <summary>Wakes the reader waiting on the channel, through the server.</summary>
    public ValueTask WakeAsync() => _connection.PublishAsync(_inbox + ".wake");

    /// <summary>
    /// Stops the subscription: the server stops delivering to it, and every message it sent before is in the channel
    /// when this completes, for <see cref="TryRead"/> to hand back.
    /// </summary>
    public async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _sub.DrainAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The connection is gone: what the server sent is lost to us and comes back after its ack wait.
        }
    }

    public ValueTask DisposeAsync() => _sub.DisposeAsync();

    private static bool IsControl(in NatsMsg<byte[]> message) => string.IsNullOrEmpty(message.ReplyTo);

    private static void Subtract(ref int count, int amount)
    {
        int current, next;
        do
        {
            current = Volatile.Read(ref count);
            next = Math.Max(0, current - amount);
        }
        while (Interlocked.CompareExchange(ref count, next, current) != current);
    }

    private void OnControl(in NatsMsg<byte[]> message)
    {
        Span<Range> tokens = stackalloc Range[3];
        var reply = message.Subject.AsSpan(Math.Min(_inbox.Length + 1, message.Subject.Length));
        if (reply.Split(tokens, '.') != 2
            || !int.TryParse(reply[tokens[0]], NumberStyles.None, CultureInfo.InvariantCulture, out var target)
            || !int.TryParse(reply[tokens[1]], NumberStyles.None, CultureInfo.InvariantCulture, out var batch)
            || target >= _targets.Length)
        {
            return;
        }

        ref var state = ref _targets[target];
        Volatile.Write(ref state.ReadAt, _time.GetTimestamp());
        var headers = message.Headers;
        var code = headers?.Code ?? 0;
        if (code == 100)
        {
            return;
        }

        var unfilled = headers is not null && headers.TryGetValue(PendingMessagesHeader, out var pending)
            && int.TryParse(pending.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                ? count
                : batch;
        Subtract(ref state.Requested, unfilled);
        if (unfilled >= batch)
        {
            Volatile.Write(ref state.Idle, true);
        }

        if (code is not (404 or 408))
        {
            Volatile.Write(ref state.PausedUntil, _time.GetTimestamp() + (long)(ErrorPause.TotalSeconds * _time.TimestampFrequency));
            _onError(_consumers[target], code, headers?.MessageText);
        }
    }

    private struct PullTarget(string requestSubject, string replySubject)
    {
        public readonly string RequestSubject = requestSubject;
        public readonly string ReplySubject = replySubject;
        public int Requested;
        public bool Idle;
        public long RequestedAt;
        public long ReadAt;
        public long PausedUntil;
    }
}
