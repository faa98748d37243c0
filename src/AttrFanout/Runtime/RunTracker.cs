using System.Collections.Concurrent;
using AttrFanout.Execution;

namespace AttrFanout.Runtime;

/// <summary>Keeps the runs executing and their tasks, so shutdown can await them and release those that never end.</summary>
internal sealed class RunTracker
{
    private readonly ConcurrentDictionary<RunState, Task> _running = new();

    public int Count => _running.Count;

    public void Track(RunState run, Task execution)
    {
        _running.TryAdd(run, execution);
        if (execution.IsCompleted)
        {
            _running.TryRemove(run, out _);
            return;
        }

        _ = execution.ContinueWith(_ => _running.TryRemove(run, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task WhenAll() => Task.WhenAll(_running.Values);

    public RunState[] Snapshot() => [.. _running.Keys];
}
