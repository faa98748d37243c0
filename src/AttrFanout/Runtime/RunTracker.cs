using System.Collections.Concurrent;

namespace AttrFanout.Runtime;

/// <summary>Keeps the tasks of the runs executing, so shutdown can await them.</summary>
internal sealed class RunTracker
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public int Count => _running.Count;

    public void Track(Task run)
    {
        _running.TryAdd(run, 0);
        _ = run.ContinueWith(static (done, self) => ((RunTracker)self!)._running.TryRemove(done, out _), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task WhenAll() => Task.WhenAll(_running.Keys);
}
