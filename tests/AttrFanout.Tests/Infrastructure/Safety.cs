namespace AttrFanout.Tests.Infrastructure;

/// <summary>Guards awaits against hangs only; no test asserts on wall-clock time.</summary>
public static class Safety
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static Task Safe(this Task task) => task.WaitAsync(Timeout);

    public static Task<T> Safe<T>(this Task<T> task) => task.WaitAsync(Timeout);

    public static Task<T> Safe<T>(this ValueTask<T> task) => task.AsTask().WaitAsync(Timeout);

    /// <summary>Polls <paramref name="condition"/> (yielding in between) until it holds; fails after <see cref="Timeout"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var guard = Task.Delay(Timeout);
        while (!await condition())
        {
            if (guard.IsCompleted)
            {
                throw new TimeoutException("The condition did not hold in time.");
            }

            await Task.Yield();
        }
    }
}
