using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace AttrFanout.Conformance;

/// <summary>Bounded waits for the conformance suite: a condition polled while a fake clock (if any) moves a second at a time.</summary>
public static class Polling
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, FakeTimeProvider? clock = null)
    {
        var elapsed = Stopwatch.StartNew();
        while (!await condition())
        {
            if (elapsed.Elapsed > Bound)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            var settle = Stopwatch.StartNew();
            while (settle.ElapsedMilliseconds < 20 && !await condition())
            {
                await Task.Yield();
            }

            clock?.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
