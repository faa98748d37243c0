using System.Collections.Concurrent;
using AttrFanout.Nats.Consuming;

namespace AttrFanout.Nats.Store;

/// <summary>
/// The messages of one function pulled from its two consumers, buffered until the engine takes them. Only the
/// function's worker waits on it, so pulls never overlap. The buffer holds up to two batches: once a batch has been
/// taken, the next pull is on its way while the worker takes the rest. A pull first takes the messages already
/// waiting (one round trip), and only when there are none waits on the server for the next. Replays are looked at
/// before a pull when the events consumer was idle, and at least once every <see cref="ReplayInterval"/> while it is
/// busy. Every message gets its heartbeat as it arrives.
/// </summary>
internal sealed class FunctionFeed(DurableConsumer runs, DurableConsumer replays, int batch, TimeSpan expiry, TimeSpan ackWait, TimeProvider time)
{
    /// <summary>The longest a busy events consumer keeps replays waiting (an idle one looks at them every pull).</summary>
    internal static readonly TimeSpan ReplayInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentQueue<BufferedMessage> _buffer = new();
    private readonly CancellationTokenSource _released = new();
    private Task? _pull;
    private bool _lookAtReplays = true;
    private long _replaysLookedAt;

    public TimeSpan AckWait => ackWait;

    private int Capacity => 2 * batch;

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (_pull is { IsCompleted: true } done)
        {
            _pull = null;
            await done.ConfigureAwait(false);
        }

        while (_buffer.IsEmpty)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pull = _pull ?? PullAsync(Capacity, cancellationToken);
            _pull = null;
            await pull.ConfigureAwait(false);
        }

        var missing = Capacity - _buffer.Count;
        if (_pull is null && missing >= batch && !cancellationToken.IsCancellationRequested)
        {
            _pull = PullAsync(missing, cancellationToken);
        }
    }

    public bool TryTake([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BufferedMessage? message) => _buffer.TryDequeue(out message);

    /// <summary>Hands the buffered messages, and those of a pull on its way, back to the server at once, for other processes to take.</summary>
    public async ValueTask ReleaseAllAsync()
    {
        await _released.CancelAsync().ConfigureAwait(false);
        if (_pull is { } pull)
        {
            try
            {
                await pull.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Messages of a cancelled pull come back after their ack wait.
            }
        }

        while (_buffer.TryDequeue(out var buffered))
        {
            await buffered.Heartbeat.DisposeAsync().ConfigureAwait(false);
            try
            {
                await buffered.Message.RetryAsync(TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The server redelivers it after its ack wait anyway.
            }
        }
    }

    private void Enqueue(IReadOnlyList<DeliveredMessage> messages)
    {
        foreach (var message in messages)
        {
            _buffer.Enqueue(new BufferedMessage(message, new ProgressHeartbeat(message, ackWait, time)));
        }
    }

    private async Task PullAsync(int max, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _released.Token);
        var token = linked.Token;
        if (_lookAtReplays || time.GetElapsedTime(_replaysLookedAt) >= ReplayInterval)
        {
            _replaysLookedAt = time.GetTimestamp();
            var replayed = await replays.FetchWaitingAsync(max, token).ConfigureAwait(false);
            if (replayed.Count > 0)
            {
                Enqueue(replayed);
                return;
            }
        }

        var fetched = await runs.FetchWaitingAsync(max, token).ConfigureAwait(false);
        if (fetched.Count == 0)
        {
            fetched = await runs.FetchAsync(max, expiry, token).ConfigureAwait(false);
        }

        _lookAtReplays = fetched.Count == 0;
        Enqueue(fetched);
    }
}
