using System.Collections.Concurrent;
using AttrFanout.Execution;

namespace AttrFanout.Runtime;

/// <summary>Keeps the runs executing until their settlement is recorded, so shutdown can wait for them and hand back those that never end.</summary>
internal sealed class RunTracker
{
    private readonly ConcurrentDictionary<RunState, byte> _running = new();
    private int _count;
    private TaskCompletionSource? _idle;

    public int Count => Volatile.Read(ref _count);

    public void Started(RunState run)
    {
        Interlocked.Increment(ref _count);
        _running.TryAdd(run, 0);
    }

    public void Ended(RunState run)
    {
        _running.TryRemove(run, out _);
        if (Interlocked.Decrement(ref _count) == 0)
        {
            Volatile.Read(ref _idle)?.TrySetResult();
        }
    }

    /// <summary>Completes once no run executes; call it when no run starts any more.</summary>
    public Task WhenIdleAsync()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _idle, idle);
        if (Count == 0)
        {
            idle.TrySetResult();
        }

        return idle.Task;
    }

    public RunState[] Snapshot() => [.. _running.Keys];
}
