using System.Collections.Concurrent;
using AttrFanout.Nats.Consuming;

namespace AttrFanout.Nats.Store;

/// <summary>
/// The messages of one function pulled from its two consumers (replays first, then events), buffered until the engine
/// takes them. Only the function's worker waits on it, so pulls never overlap.
/// </summary>
internal sealed class FunctionFeed(DurableConsumer runs, DurableConsumer replays, int batch, TimeSpan expiry, TimeSpan ackWait, TimeProvider time)
{
    private readonly ConcurrentQueue<BufferedMessage> _buffer = new();

    public TimeSpan AckWait => ackWait;

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (_buffer.IsEmpty)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fetched = await replays.FetchWaitingAsync(batch, cancellationToken).ConfigureAwait(false);
            if (fetched.Count == 0)
            {
                fetched = await runs.FetchAsync(batch, expiry, cancellationToken).ConfigureAwait(false);
            }

            foreach (var message in fetched)
            {
                _buffer.Enqueue(new BufferedMessage(message, new ProgressHeartbeat(message, ackWait, time)));
            }
        }
    }

    public bool TryTake([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BufferedMessage? message) => _buffer.TryDequeue(out message);

    /// <summary>Hands the buffered messages back to the server at once, for other processes to take.</summary>
    public async ValueTask ReleaseAllAsync()
    {
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
}
