namespace AttrFanout.Benchmarks.Overload;

[Event("bench/overload")]
public sealed partial record OverloadJob(int Sequence);

/// <summary>Five functions that each take about a millisecond, like a call to another service: slower than the producers.</summary>
public static class OverloadFunctions
{
    private static long s_completed;

    public static long Completed => Interlocked.Read(ref s_completed);

    [OnEvent("bench/overload", Id = "overload-1")]
    public static Task One(OverloadJob job) => WorkAsync();

    [OnEvent("bench/overload", Id = "overload-2")]
    public static Task Two(OverloadJob job) => WorkAsync();

    [OnEvent("bench/overload", Id = "overload-3")]
    public static Task Three(OverloadJob job) => WorkAsync();

    [OnEvent("bench/overload", Id = "overload-4")]
    public static Task Four(OverloadJob job) => WorkAsync();

    [OnEvent("bench/overload", Id = "overload-5")]
    public static Task Five(OverloadJob job) => WorkAsync();

    private static async Task WorkAsync()
    {
        await Task.Delay(1).ConfigureAwait(false);
        Interlocked.Increment(ref s_completed);
    }
}
