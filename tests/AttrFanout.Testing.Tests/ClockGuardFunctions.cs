using AttrFanout;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AttrFanout.Testing.Tests;

[Event("guard/work")]
public sealed partial record GuardedWork(string Id);

/// <summary>Holds the slow function until the test releases it; the later function asks, once, to be retried in ten minutes.</summary>
public sealed class ClockGuard
{
    private int _laterAttempts;

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Later()
    {
        if (Interlocked.Increment(ref _laterAttempts) == 1)
        {
            throw new RetryAfterException(TimeSpan.FromMinutes(10));
        }
    }
}

public sealed class ClockGuardFunctions(ClockGuard guard)
{
    [OnEvent("guard/work", Id = "guard-slow", TimeoutSeconds = 30, Retries = 0)]
    public Task Slow(GuardedWork work, CancellationToken ct) => guard.Release.Task.WaitAsync(ct);

    [OnEvent("guard/work", Id = "guard-later", Retries = 1)]
    public void Later(GuardedWork work) => guard.Later();
}

/// <summary>A fake clock that counts how often it is read: the harness reads it once or more per pass of its loop.</summary>
public sealed class CountingClock() : FakeTimeProvider(AttrFanoutTestingServiceCollectionExtensions.FakeClockStart)
{
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public override DateTimeOffset GetUtcNow()
    {
        Interlocked.Increment(ref _reads);
        return base.GetUtcNow();
    }
}
