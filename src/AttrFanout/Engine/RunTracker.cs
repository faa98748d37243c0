namespace AttrFanout.Engine;

/// <summary>
/// Keeps the runs executing until their settlement is recorded, so shutdown can wait for them and hand back those that
/// never end. Runs are listed per function (in lists threaded through the runs themselves: nothing allocated per run),
/// so functions starting and ending runs at once do not contend for one lock; only the count is shared.
/// </summary>
internal sealed class RunTracker(int functions)
{
    private readonly Lock _idleGate = new();
    private readonly RunList[] _lists = [.. Enumerable.Range(0, Math.Max(1, functions)).Select(static _ => new RunList())];
    private int _count;
    private TaskCompletionSource? _idle;
    private int _idleAt = -1;

    public int Count => Volatile.Read(ref _count);

    public void Started(RunState run)
    {
        Interlocked.Increment(ref _count);
        ListOf(run).Add(run);
    }

    public void Ended(RunState run)
    {
        ListOf(run).Remove(run);
        if (Interlocked.Decrement(ref _count) <= Volatile.Read(ref _idleAt))
        {
            SignalIdle();
        }
    }

    /// <summary>Tracks <paramref name="next"/>, a run of the same function, in the place of <paramref name="ended"/>: one lock, the count unchanged.</summary>
    public void Replace(RunState ended, RunState next) => ListOf(ended).Replace(ended, next);

    /// <summary>Completes once at most <paramref name="left"/> runs execute; call it when no run starts any more.</summary>
    public Task WhenIdleAsync(int left = 0)
    {
        lock (_idleGate)
        {
            _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Interlocked.Exchange(ref _idleAt, left);
            if (Count <= left)
            {
                _idle.TrySetResult();
            }

            return _idle.Task;
        }
    }

    public RunState[] Snapshot() => [.. _lists.SelectMany(static list => list.Snapshot())];

    /// <summary>Finds the runs executing under <paramref name="runId"/> (a rare look-up: a cancellation request).</summary>
    public IEnumerable<RunState> Find(string runId) =>
        _lists.SelectMany(static list => list.Snapshot()).Where(run => string.Equals(run.Delivery.RunId, runId, StringComparison.Ordinal));

    private RunList ListOf(RunState run) => _lists[run.Plan.Index % _lists.Length];

    private void SignalIdle()
    {
        TaskCompletionSource? idle;
        lock (_idleGate)
        {
            idle = Count <= _idleAt ? _idle : null;
        }

        idle?.TrySetResult();
    }

    private sealed class RunList
    {
        private readonly Lock _gate = new();
        private RunState? _head;
        private int _count;

        public void Add(RunState run)
        {
            lock (_gate)
            {
                run.Next = _head;
                if (_head is not null)
                {
                    _head.Previous = run;
                }

                _head = run;
                _count++;
            }
        }

        public void Remove(RunState run)
        {
            lock (_gate)
            {
                if (run.Previous is null)
                {
                    _head = run.Next;
                }
                else
                {
                    run.Previous.Next = run.Next;
                }

                if (run.Next is not null)
                {
                    run.Next.Previous = run.Previous;
                }

                run.Previous = run.Next = null;
                _count--;
            }
        }

        public void Replace(RunState ended, RunState next)
        {
            lock (_gate)
            {
                next.Previous = ended.Previous;
                next.Next = ended.Next;
                if (ended.Previous is null)
                {
                    _head = next;
                }
                else
                {
                    ended.Previous.Next = next;
                }

                if (ended.Next is not null)
                {
                    ended.Next.Previous = next;
                }

                ended.Previous = ended.Next = null;
            }
        }

        public RunState[] Snapshot()
        {
            lock (_gate)
            {
                var runs = new RunState[_count];
                var next = _head;
                for (var i = 0; next is not null; i++, next = next.Next)
                {
                    runs[i] = next;
                }

                return runs;
            }
        }
    }
}
