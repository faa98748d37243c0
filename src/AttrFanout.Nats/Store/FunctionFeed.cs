using System.Collections.Concurrent;
using AttrFanout.Nats.Consuming;

namespace AttrFanout.Nats.Store;

/// <summary>
/// The messages of one function pulled from its two consumers, buffered until the engine takes them. Only the
/// function's worker waits on it and starts pulls: up to <see cref="PullsInFlight"/> pulls of a batch each are on
/// their way while the worker takes buffered messages, as long as the buffer and the pulls hold at most
/// <see cref="BatchesHeld"/> batches. A pull first takes the messages already waiting (one round trip), and only when
/// there are none waits on the server for the next; shutdown cancels only that wait, so what a pull takes is
/// buffered and handed back with the rest. Replays are looked at before a pull when the events consumer was idle, and
/// at least once every <see cref="ReplayInterval"/> while it is busy. Every message gets its heartbeat as it arrives.
/// </summary>
internal sealed class FunctionFeed(DurableConsumer runs, DurableConsumer replays, int batch, TimeSpan expiry, TimeSpan ackWait, TimeProvider time)
{
    /// <summary>The longest a busy events consumer keeps replays waiting (an idle one looks at them every pull).</summary>
    internal static readonly TimeSpan ReplayInterval = TimeSpan.FromSeconds(1);

    /// <summary>How many pulls of one function can be on their way at once.</summary>
    internal const int PullsInFlight = 2;

    /// <summary>How many batches one function holds at most, buffered or asked for.</summary>
    internal const int BatchesHeld = 4;

    private readonly ConcurrentQueue<BufferedMessage> _buffer = new();
    private readonly CancellationTokenSource _released = new();
    private readonly List<Task> _pulls = new(PullsInFlight);
    private int _requested;
    private bool _lookAtReplays = true;
    private long _replaysLookedAt;

    public TimeSpan AckWait => ackWait;

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        await ObserveFinishedPullsAsync().ConfigureAwait(false);
        while (_buffer.IsEmpty)
        {
            cancellationToken.ThrowIfCancellationRequested();
            StartPulls(cancellationToken);
            await Task.WhenAny(_pulls).ConfigureAwait(false);
            await ObserveFinishedPullsAsync().ConfigureAwait(false);
        }

        StartPulls(cancellationToken);
    }

    public bool TryTake([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BufferedMessage? message) => _buffer.TryDequeue(out message);

    /// <summary>Hands the buffered messages, and those of pulls on their way, back to the server at once, for other processes to take.</summary>
    public async ValueTask ReleaseAllAsync()
    {
        await _released.CancelAsync().ConfigureAwait(false);
        foreach (var pull in _pulls)
        {
            try
            {
                await pull.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // A pull waiting on the server is cancelled: what it was about to receive comes back after its ack wait.
            }
        }

        _pulls.Clear();
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

    private void StartPulls(CancellationToken cancellationToken)
    {
        while (_pulls.Count < PullsInFlight
            && !cancellationToken.IsCancellationRequested
            && (BatchesHeld * batch) - _buffer.Count - Volatile.Read(ref _requested) >= batch)
        {
            Interlocked.Add(ref _requested, batch);
            _pulls.Add(PullAsync(batch, cancellationToken));
        }
    }

    private async ValueTask ObserveFinishedPullsAsync()
    {
        for (var i = _pulls.Count - 1; i >= 0; i--)
        {
            if (_pulls[i] is { IsCompleted: true } done)
            {
                _pulls.RemoveAt(i);
                await done.ConfigureAwait(false);
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
        try
        {
            if (_lookAtReplays || time.GetElapsedTime(_replaysLookedAt) >= ReplayInterval)
            {
                _replaysLookedAt = time.GetTimestamp();
                var replayed = await replays.FetchWaitingAsync(max, CancellationToken.None).ConfigureAwait(false);
                if (replayed.Count > 0)
                {
                    Enqueue(replayed);
                    return;
                }
            }

            var fetched = await runs.FetchWaitingAsync(max, CancellationToken.None).ConfigureAwait(false);
            if (fetched.Count == 0)
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _released.Token);
                fetched = await runs.FetchAsync(max, expiry, linked.Token).ConfigureAwait(false);
            }

            _lookAtReplays = fetched.Count == 0;
            Enqueue(fetched);
        }
        finally
        {
            Interlocked.Add(ref _requested, -max);
        }
    }
}
