namespace AttrFanout.Sqlite.Tests.Engine;

/// <summary>Waits for a condition the engine reaches on its own threads; fails after a minute. Never sleeps: it yields.</summary>
internal static class Until
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        var guard = Task.Delay(Timeout);
        while (!await condition())
        {
            if (guard.IsCompleted)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Yield();
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what) => HoldsAsync(() => Task.FromResult(condition()), what);

    public static Task<T> Safe<T>(this Task<T> task) => task.WaitAsync(Timeout);
}
