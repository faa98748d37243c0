using System.Collections.Concurrent;

namespace AttrFanout.Runs;

/// <summary>
/// The runs this process accepted and has not seen end, up to a bound: a waiter on one of them needs no read of the
/// store, since the run cannot have ended unseen. Past the bound the oldest are forgotten, and waiting on them reads
/// the store as for any other run.
/// </summary>
internal sealed class ExpectedRuns(int limit = 8_192)
{
    private readonly ConcurrentDictionary<string, byte> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private int _ordered;
    private int _present;

    public void Add(IReadOnlyList<string> runIds)
    {
        foreach (var runId in runIds)
        {
            Add(runId);
        }
    }

    public void Add(string runId)
    {
        // Counted before it is added, so a count of zero means no run is expected and removing needs no lock.
        Interlocked.Increment(ref _present);
        if (_runs.TryAdd(runId, 0))
        {
            _order.Enqueue(runId);
            Interlocked.Increment(ref _ordered);
        }
        else
        {
            Interlocked.Decrement(ref _present);
        }

        while (Volatile.Read(ref _ordered) > limit && _order.TryDequeue(out var oldest))
        {
            Interlocked.Decrement(ref _ordered);
            Remove(oldest);
        }
    }

    /// <summary>Gets whether no run is expected (read without a lock).</summary>
    public bool IsEmpty => Volatile.Read(ref _present) == 0;

    public bool Contains(string runId) => _runs.ContainsKey(runId);

    /// <returns>Whether the run was expected.</returns>
    public bool Remove(string runId)
    {
        if (Volatile.Read(ref _present) == 0 || !_runs.TryRemove(runId, out _))
        {
            return false;
        }

        Interlocked.Decrement(ref _present);
        return true;
    }
}
