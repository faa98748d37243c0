using System.Collections.Concurrent;
using AttrFanout.Execution;
using AttrFanout.Stores;

namespace AttrFanout.Runtime;

/// <summary>Lets callers await the end of a run executed by this process.</summary>
internal sealed class RunCompletions(IFanoutStore store)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<FunctionRun>> _waiters = new(StringComparer.Ordinal);
    private readonly ExpectedRuns _expected = new();

    /// <summary>
    /// Records runs this process is about to accept, before the store can start them, so waiting on them needs no read
    /// of the store until they end.
    /// </summary>
    public void Expect(IReadOnlyList<string> runIds) => _expected.Add(runIds);

    /// <summary>Forgets runs expected by <see cref="Expect"/> that the store did not create under those Ids.</summary>
    public void Forget(IReadOnlyList<string> runIds)
    {
        foreach (var runId in runIds)
        {
            _expected.Remove(runId);
        }
    }

    public async Task<FunctionRun> WaitAsync(string runId, CancellationToken cancellationToken)
    {
        var waiter = _waiters.GetOrAdd(runId, static _ => new TaskCompletionSource<FunctionRun>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_expected.Contains(runId))
        {
            return await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

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

    /// <summary>
    /// Completes the waiters of a run that just ended with <paramref name="outcome"/>: with the run as the engine saw it
    /// when that is the whole story, otherwise as read from the store, and as the engine saw it when the store cannot
    /// tell (a transport that keeps no succeeded runs). Nothing is built or read when nobody waits.
    /// </summary>
    public async ValueTask NotifyAsync(RunState state, RunOutcome outcome)
    {
        var runId = outcome.RunId;
        _expected.Remove(runId);
        if (!_waiters.TryRemove(runId, out var waiter))
        {
            return;
        }

        var stored = FinishedRun.IsComplete(state) ? null : await store.GetRunAsync(runId, CancellationToken.None).ConfigureAwait(false);
        waiter.TrySetResult(stored is { Status: RunStatus.Succeeded or RunStatus.Failed } ? stored : FinishedRun.From(state, outcome));
    }

    private static bool IsFinal(FunctionRun run) => run.Status is RunStatus.Succeeded or RunStatus.Failed;
}
