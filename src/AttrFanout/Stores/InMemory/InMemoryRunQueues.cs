using System.Collections.Concurrent;

namespace AttrFanout.Stores.InMemory;

/// <summary>
/// The runs waiting to be taken, one queue per function, with their total count for backpressure. Thread-safe: a
/// function's queue is an <see cref="InMemoryRunQueue"/>, the count an interlocked number, and room is signalled to waiting
/// senders once the queues have drained to the level a waiting sender asked for (a quarter of the capacity below it, so a
/// sender at the limit wakes once per batch of sends rather than once per run taken).
/// </summary>
internal sealed class InMemoryRunQueues
{
    private const int MaxIdsByReference = 4096;
    private readonly ConcurrentDictionary<string, InMemoryRunQueue> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InMemoryRunQueue> _byReference = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _signalGate = new();
    private TaskCompletionSource? _spaceFreed;
    private int _resumeAt = -1;
    private int _count;

    /// <summary>Gets how many runs wait, across functions.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Returns whether <paramref name="runs"/> more fit; an event with more runs than the capacity fits an empty queue.</summary>
    public bool HasRoomFor(int runs, int capacity)
    {
        var count = Count;
        return count == 0 || count + runs <= capacity;
    }

    /// <summary>
    /// Gets a task completed once the runs waiting are down to where <paramref name="runs"/> more fit with a quarter of
    /// <paramref name="capacity"/> to spare (or to none, for an event larger than that).
    /// </summary>
    public Task SpaceFreed(int runs, int capacity)
    {
        var resumeAt = Math.Max(0, capacity - Math.Max(runs, capacity / 4));
        lock (_signalGate)
        {
            _resumeAt = Math.Max(_resumeAt, resumeAt);
            return (_spaceFreed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    /// <summary>Gets the runs of <paramref name="functionId"/> due and not yet taken plus its retries waiting on their timers.</summary>
    public int CountWaiting(string functionId) => _queues.TryGetValue(functionId, out var queue) ? queue.WaitingCount : 0;

    public void RetryScheduled(string functionId) => Get(functionId).RetryScheduled();

    public void RetryDue(string functionId) => Get(functionId).RetryDue();

    public ValueTask<bool> WaitToTakeAsync(string functionId, CancellationToken cancellationToken) => Get(functionId).WaitToTakeAsync(cancellationToken);

    public void Add(InMemoryRun run)
    {
        Interlocked.Increment(ref _count);
        Get(run.FunctionId).Add(run);
    }

    public bool TryTake(string functionId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InMemoryRun? run)
    {
        if (!Get(functionId).TryTake(out run))
        {
            return false;
        }

        var left = Interlocked.Decrement(ref _count);
        if (Volatile.Read(ref _spaceFreed) is not null && left <= Volatile.Read(ref _resumeAt))
        {
            TaskCompletionSource? freed;
            lock (_signalGate)
            {
                freed = _spaceFreed;
                _spaceFreed = null;
                _resumeAt = -1;
            }

            freed?.TrySetResult();
        }

        return true;
    }

    /// <summary>
    /// Finds a function's queue: by the Id string's reference first (the engine and the catalog pass the same string for a
    /// function every time, so the look-up hashes no characters), then by its text.
    /// </summary>
    private InMemoryRunQueue Get(string functionId)
    {
        if (_byReference.TryGetValue(functionId, out var queue))
        {
            return queue;
        }

        queue = _queues.TryGetValue(functionId, out var found) ? found : _queues.GetOrAdd(functionId, static _ => new InMemoryRunQueue());
        if (_byReference.Count < MaxIdsByReference)
        {
            _byReference.TryAdd(functionId, queue);
        }

        return queue;
    }
}
