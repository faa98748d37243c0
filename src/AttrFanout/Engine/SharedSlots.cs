namespace AttrFanout.Engine;

/// <summary>
/// The process-wide concurrency limit (<see cref="AttrFanoutOptions.MaxConcurrency"/>), shared fairly between functions:
/// every function executing nothing has one slot kept for it, so it can always start an attempt at once, however busy
/// its siblings are; and when functions wait, a freed slot goes to the one executing the fewest attempts.
/// </summary>
internal sealed class SharedSlots
{
    private readonly Lock _gate = new();
    private readonly int[] _executing;
    private readonly TaskCompletionSource?[] _waiters;
    private int _free;

    public SharedSlots(int limit, int functionCount)
    {
        _free = limit;
        _executing = new int[functionCount];
        _waiters = new TaskCompletionSource?[functionCount];
    }

    /// <summary>Gets how many slots are free.</summary>
    public int Free
    {
        get
        {
            lock (_gate)
            {
                return _free;
            }
        }
    }

    /// <summary>Takes a slot for function <paramref name="function"/>; one caller per function at a time.</summary>
    public ValueTask AcquireAsync(int function, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (_free > ReservedForOthers(function))
            {
                Grant(function);
                return ValueTask.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters[function] = waiter;
        }

        return new ValueTask(WaitAsync(function, waiter, cancellationToken));
    }

    /// <summary>Gives back a slot of function <paramref name="function"/> and hands free slots to the fairest waiters.</summary>
    public void Release(int function)
    {
        List<TaskCompletionSource>? granted = null;
        lock (_gate)
        {
            _executing[function]--;
            _free++;
            while (FairestWaiter() is var next and >= 0 && _free > ReservedForOthers(next))
            {
                (granted ??= []).Add(_waiters[next]!);
                _waiters[next] = null;
                Grant(next);
            }
        }

        if (granted is not null)
        {
            foreach (var waiter in granted)
            {
                waiter.TrySetResult();
            }
        }
    }

    private async Task WaitAsync(int function, TaskCompletionSource waiter, CancellationToken cancellationToken)
    {
        try
        {
            await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            bool grantedMeanwhile;
            lock (_gate)
            {
                grantedMeanwhile = !ReferenceEquals(_waiters[function], waiter);
                if (!grantedMeanwhile)
                {
                    _waiters[function] = null;
                }
            }

            if (grantedMeanwhile)
            {
                Release(function);
            }

            throw;
        }
    }

    private void Grant(int function)
    {
        _free--;
        _executing[function]++;
    }

    private int ReservedForOthers(int function)
    {
        if (_executing[function] == 0)
        {
            return 0;
        }

        var reserved = 0;
        for (var other = 0; other < _waiters.Length; other++)
        {
            if (other != function && _executing[other] == 0)
            {
                reserved++;
            }
        }

        return reserved;
    }

    private int FairestWaiter()
    {
        var fairest = -1;
        for (var candidate = 0; candidate < _waiters.Length; candidate++)
        {
            if (_waiters[candidate] is not null && (fairest < 0 || _executing[candidate] < _executing[fairest]))
            {
                fairest = candidate;
            }
        }

        return fairest;
    }
}
