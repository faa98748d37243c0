using System.Collections.Concurrent;
using System.Threading.Channels;

namespace AttrFanout.Stores.InMemory;

/// <summary>
/// The runs waiting to be taken, one queue per function, with their total count for backpressure. Thread-safe: a
/// function's queue is a single-reader channel, the count an interlocked number, and room is signalled to waiting
/// senders each time runs are taken while one waits.
/// </summary>
internal sealed class InMemoryRunQueues
{
    private readonly ConcurrentDictionary<string, Channel<InMemoryRun>> _queues = new(StringComparer.Ordinal);
    private readonly Lock _signalGate = new();
    private TaskCompletionSource? _spaceFreed;
    private int _count;

    /// <summary>Gets how many runs wait, across functions.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Returns whether <paramref name="runs"/> more fit; an event with more runs than the capacity fits an empty queue.</summary>
    public bool HasRoomFor(int runs, int capacity)
    {
        var count = Count;
        return count == 0 || count + runs <= capacity;
    }

    /// <summary>Gets a task completed the next time a run is taken.</summary>
    public Task SpaceFreed()
    {
        lock (_signalGate)
        {
            return (_spaceFreed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    public ChannelReader<InMemoryRun> Reader(string functionId) => Get(functionId).Reader;

    public void Add(InMemoryRun run)
    {
        Interlocked.Increment(ref _count);
        Get(run.FunctionId).Writer.TryWrite(run);
    }

    public bool TryTake(string functionId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InMemoryRun? run)
    {
        if (!Get(functionId).Reader.TryRead(out run))
        {
            return false;
        }

        Interlocked.Decrement(ref _count);
        if (Volatile.Read(ref _spaceFreed) is not null)
        {
            TaskCompletionSource? freed;
            lock (_signalGate)
            {
                freed = _spaceFreed;
                _spaceFreed = null;
            }

            freed?.TrySetResult();
        }

        return true;
    }

    private Channel<InMemoryRun> Get(string functionId) =>
        _queues.TryGetValue(functionId, out var queue) ? queue : _queues.GetOrAdd(functionId, static _ => Channel.CreateUnbounded<InMemoryRun>(new UnboundedChannelOptions { SingleReader = true }));
}
