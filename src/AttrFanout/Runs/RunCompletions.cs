using System.Collections.Concurrent;
using AttrFanout.Engine;
using AttrFanout.Stores;

namespace AttrFanout.Runs;

/// <summary>
/// Lets callers await the end of a run executed by this process. Replays are expected before the store can start them,
/// under the Ids the engine gives them; runs an event starts, once accepted under the Ids the store gives them. A store that does not keep
/// succeeded runs (<see cref="IFanoutStore.KeepsSucceededRuns"/>) cannot tell how a run ended, so the runs that end here
/// unawaited are remembered for a while (<see cref="RecentlyEndedKept"/>).
/// </summary>
internal sealed class RunCompletions(IFanoutStore store)
{
    /// <summary>How many runs that ended unawaited are remembered, once the store gives runs its own Ids.</summary>
    public const int RecentlyEndedKept = 4_096;

    private readonly ConcurrentDictionary<string, TaskCompletionSource<FunctionRun>> _waiters = new(StringComparer.Ordinal);
    private readonly ExpectedRuns _expected = new();
    private readonly ConcurrentDictionary<string, FunctionRun> _recentlyEnded = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _recentlyEndedOrder = new();
    private readonly bool _rememberEnded = !store.KeepsSucceededRuns;

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

    /// <summary>
    /// Expects runs under the Ids the store gave them, which may already have ended: only where the runs that end
    /// unawaited are remembered, which waiting looks at first. Elsewhere waiting reads the store, which keeps them.
    /// </summary>
    public void ExpectGivenByStore(IReadOnlyList<string> runIds)
    {
        if (_rememberEnded)
        {
            _expected.Add(runIds);
        }
    }

    public async Task<FunctionRun> WaitAsync(string runId, CancellationToken cancellationToken)
    {
        var waiter = _waiters.GetOrAdd(runId, static _ => new TaskCompletionSource<FunctionRun>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_recentlyEnded.TryGetValue(runId, out var ended))
        {
            _waiters.TryRemove(runId, out _);
            return ended;
        }

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
            if (_rememberEnded)
            {
                Remember(FinishedRun.From(state, outcome));
            }

            return;
        }

        var stored = FinishedRun.IsComplete(state) ? null : await store.GetRunAsync(runId, CancellationToken.None).ConfigureAwait(false);
        var knowsIt = stored is { Status: RunStatus.Succeeded or RunStatus.Failed } && stored.EventId == state.Delivery.Event.Id && stored.Attempts == outcome.Attempts;
        waiter.TrySetResult(knowsIt ? stored! : FinishedRun.From(state, outcome));
    }

    private static bool IsFinal(FunctionRun run) => run.Status is RunStatus.Succeeded or RunStatus.Failed;

    private void Remember(FunctionRun run)
    {
        if (!_recentlyEnded.TryAdd(run.RunId, run))
        {
            return;
        }

        _recentlyEndedOrder.Enqueue(run.RunId);
        while (_recentlyEnded.Count > RecentlyEndedKept && _recentlyEndedOrder.TryDequeue(out var oldest))
        {
            _recentlyEnded.TryRemove(oldest, out _);
        }
    }
}
