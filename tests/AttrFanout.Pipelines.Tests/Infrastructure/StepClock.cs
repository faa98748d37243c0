using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AttrFanout.Pipelines.Tests.Infrastructure;

/// <summary>
/// A fake clock that a test moves by hand, one step at a time, and that knows which timers are pending, so a test can wait
/// until the engine or a pipeline has armed the timer it expects before moving time to it.
/// </summary>
public sealed class StepClock : FakeTimeProvider
{
    public static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly Dictionary<TrackedTimer, DateTimeOffset> _pending = [];

    public StepClock()
        : base(Origin)
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this, period);
        timer.Track(dueTime);
        timer.Inner = base.CreateTimer(s => { timer.Fired(); callback(s); }, state, dueTime, period);
        return timer;
    }

    /// <summary>Waits until a timer due at <paramref name="due"/> is pending.</summary>
    public async Task WaitForTimerAsync(DateTimeOffset due)
    {
        try
        {
            await Safety.UntilAsync(() => Task.FromResult(HasTimerDueAt(due)));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No timer due at {due:HH:mm:ss.fff} was armed; {Describe()}.");
        }
    }

    /// <summary>Waits until a timer due at <paramref name="due"/> is pending, then moves time to it.</summary>
    public async Task StepToTimerAsync(DateTimeOffset due)
    {
        await WaitForTimerAsync(due);
        SetUtcNow(due);
    }

    /// <summary>Says the time and the pending timers' due times, for a failed wait.</summary>
    public string Describe()
    {
        lock (_gate)
        {
            return $"the clock is at {GetUtcNow():HH:mm:ss.fff}, timers are due at [{string.Join(", ", _pending.Values.Order().Select(v => v.ToString("HH:mm:ss.fff")))}]";
        }
    }

    public bool HasTimerDueAt(DateTimeOffset due)
    {
        lock (_gate)
        {
            return _pending.ContainsValue(due);
        }
    }

    private sealed class TrackedTimer(StepClock clock, TimeSpan period) : ITimer
    {
        private TimeSpan _period = period;

        public ITimer? Inner { get; set; }

        public void Track(TimeSpan dueTime)
        {
            lock (clock._gate)
            {
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    clock._pending.Remove(this);
                }
                else
                {
                    clock._pending[this] = clock.GetUtcNow() + dueTime;
                }
            }
        }

        public void Fired()
        {
            if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
            {
                Track(_period);
            }
            else
            {
                Track(Timeout.InfiniteTimeSpan);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            Track(dueTime);
            return Inner!.Change(dueTime, period);
        }

        public void Dispose()
        {
            Track(Timeout.InfiniteTimeSpan);
            Inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return Inner?.DisposeAsync() ?? ValueTask.CompletedTask;
        }
    }
}
