using System.Collections.Concurrent;
using AttrFanout.Stores;

namespace AttrFanout.Runtime;

/// <summary>Lets callers await the end of a run executed by this process.</summary>
internal sealed class RunCompletions(IFanoutStore store)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<FunctionRun>> _waiters = new(StringComparer.Ordinal);

    public async Task<FunctionRun> WaitAsync(string runId, CancellationToken cancellationToken)
    {
        var waiter = _waiters.GetOrAdd(runId, static _ => new TaskCompletionSource<FunctionRun>(TaskCreationOptions.RunContinuationsAsynchronously));
        var run = await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            _waiters.TryRemove(runId, out _);
            throw new ArgumentException($"No run has Id '{runId}'. Use a run Id from a SendResult or a FunctionRun.", nameof(runId));
        }

        if (IsFinal(run))
        {
            waiter.TrySetResult(run);
            _waiters.TryRemove(runId, out _);
        }

        return await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes the waiters of a run that ended, with <paramref name="finished"/> or, when not given, the run read from the store.</summary>
    public async ValueTask NotifyAsync(string runId, FunctionRun? finished = null)
    {
        if (!_waiters.TryRemove(runId, out var waiter))
        {
            return;
        }

        var run = finished ?? await store.GetRunAsync(runId, CancellationToken.None).ConfigureAwait(false);
        if (run is not null)
        {
            waiter.TrySetResult(run);
        }
    }

    private static bool IsFinal(FunctionRun run) => run.Status is RunStatus.Succeeded or RunStatus.Failed;
}
