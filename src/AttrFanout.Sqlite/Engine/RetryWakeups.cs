namespace AttrFanout.Sqlite.Engine;

/// <summary>
/// Wakes a function when a retry this process scheduled falls due, on one <see cref="TimeProvider"/> timer set to the
/// earliest due time, so a retry starts on time rather than at the next poll; retries of other processes, or from
/// before a restart, are found by the poll.
/// </summary>
internal sealed class RetryWakeups : IDisposable
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<string, DateTimeOffset> _due = new();
    private readonly TimeProvider _time;
    private readonly Action<string> _wake;
    private readonly ITimer _timer;
    private DateTimeOffset? _timerDue;
    private bool _closed;

    public RetryWakeups(TimeProvider time, Action<string> wake)
    {
        _time = time;
        _wake = wake;
        _timer = time.CreateTimer(static state => ((RetryWakeups)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Gets how many wake-ups are scheduled.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _due.Count;
            }
        }
    }

    public void WakeAt(string functionId, DateTimeOffset dueAt)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _due.Enqueue(functionId, dueAt);
            if (_timerDue is not { } current || dueAt < current)
            {
                Arm(dueAt);
            }
        }
    }

    private void Fire()
    {
        List<string> due = [];
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            var now = _time.GetUtcNow();
            while (_due.TryPeek(out var functionId, out var dueAt) && dueAt <= now)
            {
                _due.Dequeue();
                due.Add(functionId);
            }

            _timerDue = null;
            if (_due.TryPeek(out _, out var next))
            {
                Arm(next);
            }
        }

        foreach (var functionId in due.Distinct(StringComparer.Ordinal))
        {
            _wake(functionId);
        }
    }

    private void Arm(DateTimeOffset dueAt)
    {
        _timerDue = dueAt;
        var delay = dueAt - _time.GetUtcNow();
        _timer.Change(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            _due.Clear();
        }

        _timer.Dispose();
    }
}
