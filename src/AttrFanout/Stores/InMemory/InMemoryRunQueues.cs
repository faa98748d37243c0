using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace AttrFanout.Stores.InMemory;

/// <summary>
/// The runs waiting to be taken, one queue per function, with their total count for backpressure.
/// Not thread-safe, except <see cref="Reader"/>: the store calls the rest under its lock.
/// </summary>
internal sealed class InMemoryRunQueues
{
    private readonly ConcurrentDictionary<string, Channel<RunDelivery>> _queues = new(StringComparer.Ordinal);
    private TaskCompletionSource _spaceFreed = NewSignal();
    private bool _spaceAwaited;

    /// <summary>Gets how many runs wait, across functions.</summary>
    public int Count { get; private set; }

    /// <summary>Gets a task completed the next time a run is taken.</summary>
    public Task SpaceFreed
    {
        get
        {
            _spaceAwaited = true;
            return _spaceFreed.Task;
        }
    }

    /// <summary>Returns whether <paramref name="runs"/> more fit; an event with more runs than the capacity fits an empty queue.</summary>
    public bool HasRoomFor(int runs, int capacity) => Count == 0 || Count + runs <= capacity;

    public ChannelReader<RunDelivery> Reader(string functionId) => Get(functionId).Reader;

    public void Add(RunDelivery delivery)
    {
        Get(delivery.FunctionId).Writer.TryWrite(delivery);
        Count++;
    }

    public bool TryTake(string functionId, [NotNullWhen(true)] out RunDelivery? delivery)
    {
        if (!Get(functionId).Reader.TryRead(out delivery))
        {
            return false;
        }

        Count--;
        if (_spaceAwaited)
        {
            _spaceAwaited = false;
            var freed = _spaceFreed;
            _spaceFreed = NewSignal();
            freed.TrySetResult();
        }

        return true;
    }

    private Channel<RunDelivery> Get(string functionId) =>
        _queues.TryGetValue(functionId, out var queue) ? queue : _queues.GetOrAdd(functionId, static _ => Channel.CreateUnbounded<RunDelivery>(new UnboundedChannelOptions { SingleReader = true }));

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
