using System.Collections.Concurrent;
using System.Numerics;

namespace AttrFanout.Stores.InMemory;

/// <summary>
/// Finds the in-memory store's runs by Id: an event's runs are kept together in a ring indexed by the event's sequence
/// (no lock and nothing allocated per event beyond its runs), replays under their own Ids. Beyond the latest
/// <c>runsKept</c> runs, the oldest events are let go: forgotten when all their runs succeeded, otherwise kept aside
/// until they do (failed runs stay for the life of the process).
/// </summary>
internal sealed class InMemoryRunIndex
{
    private readonly InMemoryRun[]?[] _recent;
    private readonly int _runsKept;
    private readonly ConcurrentDictionary<ulong, InMemoryRun[]> _unfinished = new();
    private readonly ConcurrentDictionary<string, InMemoryRun> _replays = new(StringComparer.Ordinal);
    private long _oldest = 1;
    private int _recentRuns;
    private int _unfinishedCount;
    private int _replayCount;

    public InMemoryRunIndex(int runsKept)
    {
        _runsKept = Math.Max(1, runsKept);
        _recent = new InMemoryRun[]?[BitOperations.RoundUpToPowerOf2((uint)_runsKept)];
    }

    /// <summary>Adds the runs of the event accepted under <paramref name="sequence"/>, letting the oldest events go first when there are too many.</summary>
    public void AddEvent(ulong sequence, InMemoryRun[] runs)
    {
        if (runs.Length == 0)
        {
            return;
        }

        while (Volatile.Read(ref _recentRuns) + runs.Length > _runsKept && TryClaimOldest(sequence, out var oldest))
        {
            LetGo(oldest);
        }

        Interlocked.Add(ref _recentRuns, runs.Length);
        if (Interlocked.Exchange(ref Slot(sequence), runs) is { } overwritten)
        {
            Interlocked.Add(ref _recentRuns, -overwritten.Length);
            KeepAsideUnlessSucceeded(overwritten);
        }
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

    /// <summary>Forgets a run's event, once kept aside, when this was its last run to end without failing.</summary>
    public void Ended(InMemoryRun run)
    {
        if (Volatile.Read(ref _unfinishedCount) > 0 && _unfinished.TryGetValue(run.Sequence, out var runs))
        {
            ForgetAsideIfAllSucceeded(run.Sequence, runs);
        }
    }

    /// <summary>Forgets the event of <paramref name="sequence"/> now (its idempotency window ended) when all its runs succeeded.</summary>
    public void ForgetAtWindowEnd(ulong sequence)
    {
        if (RecentRuns(sequence) is { } runs && AllSucceeded(runs))
        {
            TryClear(sequence, runs);
        }
    }

    public InMemoryRun? Find(string runId)
    {
        if (Volatile.Read(ref _replayCount) > 0 && _replays.TryGetValue(runId, out var replay))
        {
            return replay;
        }

        if (!RunIds.TryParse(runId, out var sequence, out var functionId) || EventRuns(sequence) is not { } runs)
        {
            return null;
        }

        foreach (var run in runs)
        {
            if (string.Equals(run.FunctionId, functionId, StringComparison.Ordinal))
            {
                return run;
            }
        }

        return null;
    }

    public IEnumerable<InMemoryRun> All() =>
        _recent.Where(static runs => runs is not null).SelectMany(static runs => runs!)
            .Concat(_unfinished.Values.SelectMany(static runs => runs))
            .Concat(_replays.Values);

    private ref InMemoryRun[]? Slot(ulong sequence) => ref _recent[(int)(sequence & (ulong)(_recent.Length - 1))];

    private InMemoryRun[]? EventRuns(ulong sequence) =>
        RecentRuns(sequence)
        ?? (Volatile.Read(ref _unfinishedCount) > 0 && _unfinished.TryGetValue(sequence, out var aside) ? aside : null);

    /// <summary>Gets the runs of the event of <paramref name="sequence"/> while it still holds its place in the ring.</summary>
    private InMemoryRun[]? RecentRuns(ulong sequence) =>
        Volatile.Read(ref Slot(sequence)) is { } runs && runs[0].Sequence == sequence ? runs : null;

    /// <summary>Empties the ring place of <paramref name="sequence"/> if it still holds <paramref name="runs"/>; false when another thread did first.</summary>
    private bool TryClear(ulong sequence, InMemoryRun[] runs)
    {
        if (!ReferenceEquals(Interlocked.CompareExchange(ref Slot(sequence), null, runs), runs))
        {
            return false;
        }

        Interlocked.Add(ref _recentRuns, -runs.Length);
        return true;
    }

    /// <summary>Claims the oldest event still to let go, if it is older than <paramref name="newest"/>.</summary>
    private bool TryClaimOldest(ulong newest, out ulong oldest)
    {
        while (true)
        {
            var claimed = Volatile.Read(ref _oldest);
            oldest = (ulong)claimed;
            if (oldest >= newest)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _oldest, claimed + 1, claimed) == claimed)
            {
                return true;
            }
        }
    }

    private void LetGo(ulong sequence)
    {
        if (RecentRuns(sequence) is { } runs && TryClear(sequence, runs))
        {
            KeepAsideUnlessSucceeded(runs);
        }
    }

    private void KeepAsideUnlessSucceeded(InMemoryRun[] runs)
    {
        if (AllSucceeded(runs))
        {
            return;
        }

        var sequence = runs[0].Sequence;
        Interlocked.Increment(ref _unfinishedCount);
        _unfinished[sequence] = runs;
        // A run may have succeeded while its event was moved here, unseen by Succeeded: look again.
        ForgetAsideIfAllSucceeded(sequence, runs);
    }

    private void ForgetAsideIfAllSucceeded(ulong sequence, InMemoryRun[] runs)
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
            if (Volatile.Read(ref runs[i]).Status is not (RunStatus.Succeeded or RunStatus.Skipped or RunStatus.Cancelled))
            {
                return false;
            }
        }

        return true;
    }
}
