using Microsoft.Extensions.Time.Testing;

namespace AttrFanout.Tests.Infrastructure;

/// <summary>
/// A fake clock that knows when timers are due, so a test can move time exactly to the next timer
/// instead of sleeping or guessing how far to advance.
/// </summary>
public sealed class TestClock : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<DateTimeOffset> _dueTimes = [];
    private TaskCompletionSource _timerScheduled = NewSignal();

    public TestClock()
        : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Schedule(dueTime);
        return timer;
    }

    /// <summary>Moves time to each next due timer until <paramref name="target"/> completes.</summary>
    public async Task AdvanceUntilAsync(Task target)
    {
        var safety = target.WaitAsync(Safety.Timeout);
        while (!target.IsCompleted)
        {
            DateTimeOffset? next;
            Task scheduled;
            lock (_gate)
            {
                var now = GetUtcNow();
                _dueTimes.RemoveAll(due => due <= now);
                next = _dueTimes.Count == 0 ? null : _dueTimes.Min();
                scheduled = _timerScheduled.Task;
            }

            if (next is { } due)
            {
                SetUtcNow(due);
                await Task.Yield();
            }
            else
            {
                await Task.WhenAny(target, scheduled, safety);
                if (safety.IsCompleted)
                {
                    break;
                }
            }
        }

        await safety;
    }

    private void Schedule(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        TaskCompletionSource signal;
        lock (_gate)
        {
            _dueTimes.Add(GetUtcNow() + dueTime);
            signal = _timerScheduled;
            _timerScheduled = NewSignal();
        }

        signal.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class TrackedTimer(ITimer inner, TestClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            clock.Schedule(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
