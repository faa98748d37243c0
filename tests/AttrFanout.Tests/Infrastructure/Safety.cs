namespace AttrFanout.Tests.Infrastructure;

/// <summary>Guards awaits against hangs only; no test asserts on wall-clock time.</summary>
public static class Safety
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static Task Safe(this Task task) => task.WaitAsync(Timeout);

    public static Task<T> Safe<T>(this Task<T> task) => task.WaitAsync(Timeout);

    public static Task<T> Safe<T>(this ValueTask<T> task) => task.AsTask().WaitAsync(Timeout);
}
