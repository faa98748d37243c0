using System.Collections.Concurrent;
using AttrFanout.Engine;
using AttrFanout.Stores;

namespace AttrFanout.Runs;

/// <summary>
/// Lets callers await the end of a run executed by this process, without reading the store for a run it expects. Replays
/// are expected before the store can start them, under the Ids the engine gives them; runs an event starts, once
/// accepted, under the Ids the store gives them, unless they ended first (noted while acceptances are under way). A store that does not keep
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
    private readonly Lock _acceptsGate = new();
    private readonly ConcurrentDictionary<string, byte> _endedWhileAccepting = new(StringComparer.Ordinal);
    private int _acceptsInFlight;
    private int _waiterCount;
    private int _recentlyEndedCount;
    private bool _endedWhileAcceptingOverflowed;

    /// <summary>How many runs that end unawaited while acceptances are under way are noted at most; past it, none is expected until they all finish.</summary>
    public const int EndedWhileAcceptingKept = 4_096;

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
    /// Marks an acceptance under way, before the store can start its runs: a run of it may end before its Ids are known
    /// here, so until every acceptance under way has been expected, runs that end unawaited are noted.
    /// </summary>
    public void AcceptStarting()
    {
        lock (_acceptsGate)
        {
            _acceptsInFlight++;
        }
    }

    /// <summary>
    /// Expects the runs an acceptance created under the Ids the store gave them, except those that already ended
    /// (noted while it was under way), which waiting reads from the store. A store that keeps no succeeded runs has
    /// them all expected: waiting looks at the runs remembered as ended first.
    /// </summary>
    public void ExpectAccepted(IReadOnlyList<string> runIds)
    {
        if (_rememberEnded)
        {
            _expected.Add(runIds);
            return;
        }

        foreach (var runId in runIds)
        {
            // Expected first, checked after: a run that ends meanwhile is noted before its expectation is removed, so
            // either the check sees the note or the end removes the expectation.
            _expected.Add(runId);
            if (Volatile.Read(ref _endedWhileAcceptingOverflowed) || _endedWhileAccepting.ContainsKey(runId))
            {
                _expected.Remove(runId);
            }
        }
    }

    /// <summary>Ends what <see cref="AcceptStarting"/> began, after <see cref="ExpectAccepted"/> or a failed acceptance.</summary>
    public void AcceptFinished()
    {
        lock (_acceptsGate)
        {
            if (--_acceptsInFlight == 0)
            {
                _endedWhileAccepting.Clear();
                Volatile.Write(ref _endedWhileAcceptingOverflowed, false);
            }
        }
    }

    public async Task<FunctionRun> WaitAsync(string runId, CancellationToken cancellationToken)
    {
        var waiter = AddWaiter(runId);
        if (_recentlyEnded.TryGetValue(runId, out var ended))
        {
            RemoveWaiter(runId, out _);
            return ended;
        }

        if (_expected.Contains(runId))
        {
            return await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var run = await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            RemoveWaiter(runId, out _);
            throw new ArgumentException($"No run has Id '{runId}'. Use a run Id from a SendResult or a FunctionRun.", nameof(runId));
        }

        if (IsFinal(run))
        {
            waiter.TrySetResult(run);
            RemoveWaiter(runId, out _);
        }

        return await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Completes the waiters of a run that just ended with <paramref name="outcome"/>: with the run as the engine saw it
    /// when that is the whole story, otherwise as read from the store, and as the engine saw it when the store cannot
    /// tell (a transport that keeps no succeeded runs). Nothing is built or read when nobody waits.
    /// </summary>
    public ValueTask NotifyAsync(RunState state, RunOutcome outcome) =>
        !_rememberEnded && Volatile.Read(ref _acceptsInFlight) == 0 && _expected.IsEmpty && Volatile.Read(ref _waiterCount) == 0
            ? default
            : NotifyWaitersAsync(state, outcome);

    /// <summary>Completes the waiters of a run that ended without an attempt of this process settling it (cancelled while it waited).</summary>
    public void Ended(FunctionRun run)
    {
        _expected.Remove(run.RunId);
        if (RemoveWaiter(run.RunId, out var waiter))
        {
            waiter.TrySetResult(run);
        }
    }

    private async ValueTask NotifyWaitersAsync(RunState state, RunOutcome outcome)
    {
        var runId = outcome.RunId;
        if (!_rememberEnded && Volatile.Read(ref _acceptsInFlight) > 0)
        {
            NoteEndedWhileAccepting(runId);
        }

        _expected.Remove(runId);
        if (!RemoveWaiter(runId, out var waiter))
        {
            if (_rememberEnded)
            {
                Remember(FinishedRun.From(state, outcome));
            }

            return;
        }

        var stored = FinishedRun.IsComplete(state) ? null : await store.GetRunAsync(runId, CancellationToken.None).ConfigureAwait(false);
        var knowsIt = stored is { Status: RunStatus.Succeeded or RunStatus.Failed or RunStatus.Skipped or RunStatus.Cancelled } && stored.EventId == state.Delivery.Event.Id && stored.Attempts == outcome.Attempts;
        waiter.TrySetResult(knowsIt ? stored! : FinishedRun.From(state, outcome));
    }

    private TaskCompletionSource<FunctionRun> AddWaiter(string runId)
    {
        if (_waiters.TryGetValue(runId, out var existing))
        {
            return existing;
        }

        // Counted before it is added, so a count of zero means nobody waits and a run that ends looks up no waiter.
        Interlocked.Increment(ref _waiterCount);
        var waiter = new TaskCompletionSource<FunctionRun>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_waiters.TryAdd(runId, waiter))
        {
            return waiter;
        }

        Interlocked.Decrement(ref _waiterCount);
        return _waiters.GetOrAdd(runId, waiter);
    }

    private bool RemoveWaiter(string runId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TaskCompletionSource<FunctionRun>? waiter)
    {
        if (Volatile.Read(ref _waiterCount) == 0 || !_waiters.TryRemove(runId, out waiter))
        {
            waiter = null;
            return false;
        }

        Interlocked.Decrement(ref _waiterCount);
        return true;
    }

    private void NoteEndedWhileAccepting(string runId)
    {
        lock (_acceptsGate)
        {
            if (_acceptsInFlight == 0)
            {
                return;
            }

            if (_endedWhileAccepting.Count >= EndedWhileAcceptingKept)
            {
                Volatile.Write(ref _endedWhileAcceptingOverflowed, true);
                return;
            }

            _endedWhileAccepting.TryAdd(runId, 0);
        }
    }

    private static bool IsFinal(FunctionRun run) => run.Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Skipped or RunStatus.Cancelled;

    private void Remember(FunctionRun run)
    {
        if (!_recentlyEnded.TryAdd(run.RunId, run))
        {
            return;
        }

        // Counted here rather than read from the dictionary, whose Count takes every one of its locks.
        _recentlyEndedOrder.Enqueue(run.RunId);
        var remembered = Interlocked.Increment(ref _recentlyEndedCount);
        while (remembered > RecentlyEndedKept && _recentlyEndedOrder.TryDequeue(out var oldest))
        {
            _recentlyEnded.TryRemove(oldest, out _);
            remembered = Interlocked.Decrement(ref _recentlyEndedCount);
        }
    }
}
