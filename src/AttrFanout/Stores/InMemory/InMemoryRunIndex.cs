using System.Collections.Concurrent;

namespace AttrFanout.Stores.InMemory;

/// <summary>
/// Finds the in-memory store's runs by Id: an event's runs are kept together under its sequence (one entry per event,
/// not per run), replays under their own Ids. Beyond the latest <c>runsKept</c> runs, the oldest events are
/// let go: forgotten when all their runs succeeded, otherwise kept aside until they do (failed runs stay for the life
/// of the process).
/// </summary>
internal sealed class InMemoryRunIndex(int runsKept)
{
    private readonly ConcurrentDictionary<ulong, InMemoryRun[]> _recent = new();
    private readonly ConcurrentQueue<ulong> _order = new();
    private readonly ConcurrentDictionary<ulong, InMemoryRun[]> _unfinished = new();
    private readonly ConcurrentDictionary<string, InMemoryRun> _replays = new(StringComparer.Ordinal);
    private int _recentRuns;
    private int _unfinishedCount;
    private int _replayCount;

    /// <summary>Adds the runs of the event accepted under <paramref name="sequence"/>, letting the oldest events go first when there are too many.</summary>
    public void AddEvent(ulong sequence, InMemoryRun[] runs)
    {
        while (Volatile.Read(ref _recentRuns) + runs.Length > runsKept && _order.TryDequeue(out var oldest))
        {
            LetGo(oldest);
        }

        _recent[sequence] = runs;
        Interlocked.Add(ref _recentRuns, runs.Length);
        _order.Enqueue(sequence);
    }

    public void AddReplay(InMemoryRun replay)
    {
        Interlocked.Increment(ref _replayCount);
        _replays[replay.RunId] = replay;
    }

    /// <summary>Puts <paramref name="next"/>, the copy a run continues as, where <paramref name="run"/> was.</summary>
    public void Replace(InMemoryRun run, InMemoryRun next)
    {
        if (run.Sequence == 0)
        {
            _replays[next.RunId] = next;
            return;
        }

        if (EventRuns(run.Sequence) is { } runs)
        {
            for (var i = 0; i < runs.Length; i++)
            {
                if (ReferenceEquals(Volatile.Read(ref runs[i]), run))
                {
                    Volatile.Write(ref runs[i], next);
                }
            }
        }
    }

    /// <summary>Forgets a run's event, once let go, when this was its last run to succeed.</summary>
    public void Succeeded(InMemoryRun run)
    {
        if (Volatile.Read(ref _unfinishedCount) > 0 && _unfinished.TryGetValue(run.Sequence, out var runs))
        {
            ForgetIfAllSucceeded(run.Sequence, runs);
        }
    }

    /// <summary>Forgets the event of <paramref name="sequence"/> now (its idempotency window ended) when all its runs succeeded.</summary>
    public void ForgetAtWindowEnd(ulong sequence)
    {
        if (_recent.TryGetValue(sequence, out var runs) && AllSucceeded(runs) && _recent.TryRemove(sequence, out _))
        {
            Interlocked.Add(ref _recentRuns, -runs.Length);
        }
    }

    public InMemoryRun? Find(string runId)
    {
        if (Volatile.Read(ref _replayCount) > 0 && _replays.TryGetValue(runId, out var replay))
        {
            return replay;
        }

        if (!RunIds.TryParse(runId, out var sequence, out _) || EventRuns(sequence) is not { } runs)
        {
            return null;
        }

        foreach (var run in runs)
        {
            if (string.Equals(run.RunId, runId, StringComparison.Ordinal))
            {
                return run;
            }
        }

        return null;
    }

    public IEnumerable<InMemoryRun> All() =>
        _recent.Values.SelectMany(static runs => runs).Concat(_unfinished.Values.SelectMany(static runs => runs)).Concat(_replays.Values);

    private InMemoryRun[]? EventRuns(ulong sequence) =>
        _recent.TryGetValue(sequence, out var runs) ? runs
        : Volatile.Read(ref _unfinishedCount) > 0 && _unfinished.TryGetValue(sequence, out runs) ? runs
        : null;

    private void LetGo(ulong sequence)
    {
        if (!_recent.TryRemove(sequence, out var runs))
        {
            return;
        }

        Interlocked.Add(ref _recentRuns, -runs.Length);
        if (AllSucceeded(runs))
        {
            return;
        }

        Interlocked.Increment(ref _unfinishedCount);
        _unfinished[sequence] = runs;
        // A run may have succeeded while its event was moved here, unseen by Succeeded: look again.
        ForgetIfAllSucceeded(sequence, runs);
    }

    private void ForgetIfAllSucceeded(ulong sequence, InMemoryRun[] runs)
    {
        if (AllSucceeded(runs) && _unfinished.TryRemove(sequence, out _))
        {
            Interlocked.Decrement(ref _unfinishedCount);
        }
    }

    private static bool AllSucceeded(InMemoryRun[] runs)
    {
        for (var i = 0; i < runs.Length; i++)
        {
            if (Volatile.Read(ref runs[i]).Status != RunStatus.Succeeded)
            {
                return false;
            }
        }

        return true;
    }
}
