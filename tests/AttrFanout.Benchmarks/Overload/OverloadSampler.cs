using System.Diagnostics;
using System.Globalization;
using AttrFanout.Benchmarks.Infrastructure;

namespace AttrFanout.Benchmarks.Overload;

/// <summary>
/// Sustained overload: producers send as fast as they can into functions that are slower; every sample forces a full
/// GC and prints the live heap, which must stay flat because sends wait once the queue is full (backpressure).
/// </summary>
public static class OverloadSampler
{
    public static async Task<int> RunAsync(TimeSpan duration, TimeSpan interval, int producers)
    {
        await using var app = new AttrFanoutApp();
        using var stop = new CancellationTokenSource(duration);
        long sent = 0;
        var tasks = Enumerable.Range(0, producers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await app.Sender.SendAsync(new OverloadJob((int)Interlocked.Increment(ref sent)));
            }
        })).ToArray();

        var clock = Stopwatch.StartNew();
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine($"Overload: {producers} producers, 5 functions of ~1 ms each, MaxConcurrency 64, QueueCapacity 10,000 runs, {duration.TotalSeconds:0} s");
        Console.WriteLine();
        Console.WriteLine("| t (s) | events sent | runs done | runs waiting | live heap after full GC (MB) | working set (MB) |");
        Console.WriteLine("|------:|------------:|----------:|-------------:|-----------------------------:|-----------------:|");
        var peak = 0L;
        var first = 0L;
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(interval);
            var sentNow = Interlocked.Read(ref sent);
            var done = OverloadFunctions.Completed;
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            first = first == 0 ? heap : first;
            peak = Math.Max(peak, heap);
            var workingSet = Environment.WorkingSet;
            Console.WriteLine(string.Create(culture,
                $"| {clock.Elapsed.TotalSeconds:0.0} | {sentNow:N0} | {done:N0} | {sentNow * 5 - done:N0} | {heap / 1048576.0:0.0} | {workingSet / 1048576.0:0.0} |"));
        }

        await Task.WhenAll(tasks);
        Console.WriteLine();
        Console.WriteLine(string.Create(culture, $"Live heap: first sample {first / 1048576.0:0.0} MB, peak {peak / 1048576.0:0.0} MB."));
        return 0;
    }
}
