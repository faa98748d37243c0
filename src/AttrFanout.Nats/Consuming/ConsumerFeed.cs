using System.Collections.Concurrent;

namespace AttrFanout.Nats.Consuming;

/// <summary>
/// The messages of one or more durable consumers, pulled through one <see cref="PullSubscription"/> and read by a single
/// worker. The first consumer is the main one; the others (replays) are asked for a small batch. Each consumer has one
/// request on its way at a time: while it has messages, a request takes those waiting now, in one reply, up to the
/// room left under <see cref="BatchesHeld"/> batches (held here or asked for, and not taken); once it had none, a request
/// waits on the server for the next one, so an idle feed costs one request per expiry and a busy one a request per
/// batch instead of a wake-up of the worker per message. Whatever arrived is moved out of the channel before the worker
/// takes from it, so a reply's closing status is read at once and the next request is on its way while the worker
/// goes through the batch.
/// <see cref="KeepAlive"/>, called on a clock, moves arrived messages the same way and sends in-progress acks for those
/// held a while, forgets requests the server stopped answering, and wakes a worker nothing is coming for.
/// </summary>
internal sealed class ConsumerFeed
{
    /// <summary>How many batches one feed holds at most, asked for or arrived and not taken.</summary>
    internal const int BatchesHeld = 4;

    private readonly PullSubscription _pull;
    private readonly int _batch;
    private readonly int _secondaryBatch;
    private readonly int _targets;
    private readonly Func<DeliveredMessage, Task>? _handBack;
    private readonly ConcurrentQueue<DeliveredMessage> _kept = new();
    private readonly Lock _reading = new();
    private readonly Lock _releasing = new();
    private volatile bool _released;
    private Task? _release;

    /// <param name="pull">The subscription; target 0 is the main consumer, any others are secondary.</param>
    /// <param name="targets">How many consumers the subscription pulls from.</param>
    /// <param name="batch">The main consumer's batch.</param>
    /// <param name="ackWait">How long the server waits for an ack of a delivery of these consumers.</param>
    /// <param name="handBack">
    /// Hands one untaken message back at release; <see langword="null"/> to ask the server to deliver it again (a
    /// negative acknowledgement, which the server counts as one more delivery).
    /// </param>
    public ConsumerFeed(PullSubscription pull, int targets, int batch, TimeSpan ackWait, Func<DeliveredMessage, Task>? handBack = null)
    {
        _handBack = handBack;
        _pull = pull;
        _targets = targets;
        _batch = batch;
        _secondaryBatch = Math.Max(1, batch / 4);
        AckWait = ackWait;
    }

    /// <summary>Gets how long the server waits for an ack of a delivery of these consumers.</summary>
    public TimeSpan AckWait { get; }

    /// <summary>Gets whether the feed was released: it takes nothing any more.</summary>
    public bool IsReleased => _released;

    private int Limit => BatchesHeld * _batch;

    /// <summary>Waits until a message can be taken, asking for more while there is room.</summary>
    /// <exception cref="ObjectDisposedException">The feed was released.</exception>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectDisposedException.ThrowIf(_released, this);
            MoveArrived();
            await AskAsync(cancellationToken).ConfigureAwait(false);
            if (!_kept.IsEmpty)
            {
                return;
            }

            if (!await _pull.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new ObjectDisposedException(nameof(ConsumerFeed));
            }
        }
    }

    /// <summary>Takes the next message, if one is here.</summary>
    public bool TryTake([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DeliveredMessage? message)
    {
        if (_kept.TryDequeue(out message))
        {
            return true;
        }

        MoveArrived();
        return _kept.TryDequeue(out message);
    }

    /// <summary>
    /// Asks the server for the messages waiting now and waits (at most <paramref name="bound"/>) for the answers, so that
    /// <see cref="TryTakeFirst"/> chooses among the runs due now rather than among those that happened to arrive. A
    /// consumer that had nothing last time is not waited for.
    /// </summary>
    public async ValueTask TopUpAsync(TimeSpan bound, CancellationToken cancellationToken)
    {
        MoveArrived();
        var before = _kept.Count;
        await AskAsync(cancellationToken).ConfigureAwait(false);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(bound);
        while (Answering())
        {
            // A reply's messages come together: once some arrived, a short quiet gap ends the wait; a consumer that sends
            // nothing soon (a 2.9 server holds a no-wait request with nothing to give until it expires) is not waited for.
            using var step = CancellationTokenSource.CreateLinkedTokenSource(bounded.Token);
            step.CancelAfter(_kept.Count > before ? QuietGap : FirstGap);

            try
            {
                if (!await _pull.WaitToReadAsync(step.Token).ConfigureAwait(false))
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                break;
            }

            MoveArrived();
        }

        MoveArrived();
    }

    /// <summary>How long <see cref="TopUpAsync"/> waits for more once some messages arrived.</summary>
    private static readonly TimeSpan QuietGap = TimeSpan.FromMilliseconds(20);

    /// <summary>How long <see cref="TopUpAsync"/> waits for the first message of its answers.</summary>
    private static readonly TimeSpan FirstGap = TimeSpan.FromMilliseconds(100);

    private bool Answering()
    {
        MoveArrived();
        for (var i = 0; i < _targets; i++)
        {
            if (_pull.Requested(i) > 0 && !_pull.IsIdle(i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Takes the message here with the lowest <paramref name="rank"/> (ties: the one held longest), for a function whose
    /// runs have priorities: the order covers what this feed holds (up to <see cref="BatchesHeld"/> batches), not the
    /// whole backlog on the server.
    /// </summary>
    public bool TryTakeFirst(Func<DeliveredMessage, long> rank, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DeliveredMessage? message)
    {
        MoveArrived();
        lock (_reading)
        {
            message = null;
            var held = new List<DeliveredMessage>(_kept.Count);
            while (_kept.TryDequeue(out var next))
            {
                held.Add(next);
            }

            var best = -1;
            var bestRank = long.MaxValue;
            for (var i = 0; i < held.Count; i++)
            {
                var r = rank(held[i]);
                if (best < 0 || r < bestRank)
                {
                    best = i;
                    bestRank = r;
                }
            }

            for (var i = 0; i < held.Count; i++)
            {
                if (i == best)
                {
                    message = held[i];
                }
                else
                {
                    _kept.Enqueue(held[i]);
                }
            }

            return message is not null;
        }
    }

    /// <summary>
    /// Keeps what is held alive: moves the messages waiting in the channel into the feed, sends an in-progress ack for
    /// each held longer than <paramref name="progressInterval"/> (timestamp units) since the last, forgets unanswered
    /// requests and wakes the worker when nothing is coming for it. Called every fraction of the ack wait.
    /// </summary>
    public void KeepAlive(long now, long progressInterval)
    {
        if (_released)
        {
            return;
        }

        MoveArrived();
        foreach (var message in _kept)
        {
            message.KeepAlive(now, progressInterval);
        }

        if (_pull.ForgetUnansweredRequests() || NothingComing())
        {
            _ = WakeAsync();
        }
    }

    /// <summary>
    /// Stops pulling and hands the messages here, and those the server already sent, back to the server at once, for
    /// other processes to take. Calling it again waits for the first call.
    /// </summary>
    public Task ReleaseAllAsync()
    {
        lock (_releasing)
        {
            _released = true;
            return _release ??= ReleaseCoreAsync();
        }
    }

    private async Task ReleaseCoreAsync()
    {
        await _pull.DrainAsync(CancellationToken.None).ConfigureAwait(false);
        var handedBack = new List<Task>();
        while (TryTake(out var message))
        {
            handedBack.Add(HandBackAsync(message));
        }

        await Task.WhenAll(handedBack).ConfigureAwait(false);
        await _pull.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Moves what arrived out of the channel: messages into the feed, status replies into the counts, so a request for the
    /// next messages can go out while the worker takes those here.
    /// </summary>
    private void MoveArrived()
    {
        lock (_reading)
        {
            while (_pull.TryRead(out var message))
            {
                _kept.Enqueue(message);
            }
        }
    }

    private async Task HandBackAsync(DeliveredMessage message)
    {
        try
        {
            if (_handBack is { } handBack)
            {
                await handBack(message).ConfigureAwait(false);
            }
            else
            {
                await message.RetryAsync(TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // The server redelivers it after its ack wait anyway.
        }
    }

    private int Room()
    {
        var held = _kept.Count;
        for (var i = 0; i < _targets; i++)
        {
            held += _pull.Requested(i);
        }

        return Limit - held;
    }

    private bool NothingComing()
    {
        var room = Room();
        for (var i = 0; i < _targets; i++)
        {
            if (room > 0 && _pull.Requested(i) == 0 && _pull.MayRequest(i))
            {
                return true;
            }
        }

        return false;
    }

    private ValueTask AskAsync(CancellationToken cancellationToken)
    {
        var room = Room();
        for (var i = 0; room > 0 && i < _targets; i++)
        {
            if (Ask(i, room) > 0)
            {
                return AskCoreAsync(room, cancellationToken);
            }
        }

        return ValueTask.CompletedTask;
    }

    private async ValueTask AskCoreAsync(int room, CancellationToken cancellationToken)
    {
        for (var i = _targets - 1; i >= 0 && room > 0; i--)
        {
            if (Ask(i, room) is var batch and > 0)
            {
                await _pull.RequestAsync(i, batch, wait: _pull.IsIdle(i), cancellationToken).ConfigureAwait(false);
                room -= batch;
            }
        }
    }

    /// <summary>
    /// How many messages to ask <paramref name="target"/> for now, with <paramref name="room"/> left: none while a request
    /// of it is on its way; one, waiting for it, when the target had nothing last time; else those waiting now, when a
    /// batch fits or the worker has nothing left (secondary targets ask for a small batch).
    /// </summary>
    private int Ask(int target, int room)
    {
        if (_pull.Requested(target) > 0 || !_pull.MayRequest(target))
        {
            return 0;
        }

        if (_pull.IsIdle(target))
        {
            return 1;
        }

        var batch = target == 0 ? _batch : _secondaryBatch;
        var asked = target == 0 ? room : Math.Min(_secondaryBatch, room);
        return asked >= batch || (_kept.IsEmpty && _pull.Waiting == 0) ? asked : 0;
    }

    private async Task WakeAsync()
    {
        try
        {
            await _pull.WakeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The next clock tick tries again.
        }
    }
}
