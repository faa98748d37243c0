using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace AttrFanout.Sqlite.Engine;

/// <summary>
/// The runs of one function that this process leased and has not handed to the engine yet, and whether the file may
/// still hold due runs of the function that no process leased.
/// </summary>
/// <remarks>
/// A run accepted here while fewer than <c>capacity</c> runs wait in the queue is stored already leased to this
/// process and queued at once, with no lease statement and no read of its payload back from the file. Runs left in the
/// file (accepted while the queue was full, handed back, found by a poll, or there before the start) are leased in
/// between: once the file may hold some, at least every <c>leaseBatch</c>-th take leases from the file.
/// Only a lease that came back short, with nothing marked since it began, records the file as drained.
/// </remarks>
/// <param name="leaseBatch">How many runs one lease from the file takes, and how many takes may pass before the next one.</param>
/// <param name="capacity">How many runs may wait in the queue for runs accepted here to be leased on accept.</param>
internal sealed class LocalRunQueue(int leaseBatch, int capacity)
{
    public LocalRunQueue(int limit)
        : this(limit, limit)
    {
    }

    private readonly ConcurrentQueue<LeasedRun> _runs = new();

    /// <summary>Gets how many runs one lease from the file takes.</summary>
    public int LeaseBatch => leaseBatch;
    private long _marks = 1;
    private long _drainedAt;
    private int _takesSinceLease;

    /// <summary>Gets a reading to pass to <see cref="MarkLeased"/> once a lease begun after it came back short.</summary>
    public long Reading => Volatile.Read(ref _marks);

    /// <summary>Gets whether a run accepted now may be stored leased to this process and queued here.</summary>
    public bool CanLeaseOnAccept => _runs.Count < capacity;

    /// <summary>Gets whether the next take should first lease due runs from the file.</summary>
    public bool ShouldLeaseFromFile =>
        Volatile.Read(ref _marks) != Volatile.Read(ref _drainedAt) && (_runs.IsEmpty || Volatile.Read(ref _takesSinceLease) >= leaseBatch);

    public void Enqueue(LeasedRun run) => _runs.Enqueue(run);

    /// <summary>Finds a queued run by walking the queue; for rare requests (a cancel), never on the path of a take.</summary>
    public LeasedRun? Find(string runId) => _runs.FirstOrDefault(run => run.RunId == runId);

    public bool TryDequeue([MaybeNullWhen(false)] out LeasedRun run)
    {
        if (!_runs.TryDequeue(out run))
        {
            return false;
        }

        Interlocked.Increment(ref _takesSinceLease);
        return true;
    }

    /// <summary>Records that the file may hold due runs of the function.</summary>
    public void MarkFileMayHoldDueRuns() => Interlocked.Increment(ref _marks);

    /// <summary>Records a lease from the file, and whether it took every due run of the function as of <paramref name="reading"/>.</summary>
    public void MarkLeased(long reading, bool drained)
    {
        Volatile.Write(ref _takesSinceLease, 0);
        if (!drained)
        {
            return;
        }

        long previous;
        do
        {
            previous = Volatile.Read(ref _drainedAt);
            if (reading <= previous)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _drainedAt, reading, previous) != previous);
    }
}
