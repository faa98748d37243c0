using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using AttrFanout.Benchmarks.Fanout;
using AttrFanout.Benchmarks.Infrastructure;

namespace AttrFanout.Benchmarks.Allocations;

/// <summary>
/// Where the in-memory fan-out allocates: sends 50,000 events of 5 no-op functions six times (the first rounds warm the JIT up), prints the bytes
/// allocated per event, a rough rate and the CPU time per event (all threads; less sensitive to a busy machine than the rate), and on the last round the runtime's sampled allocations by type. Not a
/// benchmark (the BenchmarkDotNet fan-out table is): a guide.
/// </summary>
internal static class AllocationProbe
{
    private const int Rounds = 6;

    public static async Task RunAsync()
    {
        await using var app = new AttrFanoutApp();
        for (var round = 0; round < Rounds; round++)
        {
            using var listener = round == Rounds - 1 ? new AllocListener() : null;
            var done = FanoutFunctions.Calls.Reset(50_000 * 5);
            var before = GC.GetTotalAllocatedBytes(true);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var cpuBefore = Environment.CpuUsage.TotalTime;
            for (var i = 0; i < 50_000; i++)
            {
                await app.Sender.SendAsync(new FanoutTick(i));
            }

            await done;
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
            var after = GC.GetTotalAllocatedBytes(true);
            Console.WriteLine($"round {round}: {(after - before) / 50_000.0:F0} B/event, {50_000 / elapsed.TotalSeconds:F0} events/s, {cpu.TotalMicroseconds / 50_000:F2} µs CPU/event{(listener is null ? "" : " (sampling allocations)")}");
            if (listener is not null)
            {
                foreach (var (type, bytes) in listener.ByType.OrderByDescending(kv => kv.Value).Take(25))
                {
                    Console.WriteLine($"{bytes / 50_000.0,8:F0} B/event  {type}");
                }
            }
        }
    }

    private sealed class AllocListener : EventListener
    {
        public ConcurrentDictionary<string, long> ByType { get; } = new();

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is "GCAllocationTick_V4" or "GCAllocationTick_V3" && e.Payload is { } p)
            {
                var name = e.PayloadNames!.IndexOf("TypeName") is var i and >= 0 ? p[i] as string ?? "?" : "?";
                var amount = e.PayloadNames!.IndexOf("AllocationAmount64") is var j and >= 0 ? Convert.ToInt64(p[j]) : 100_000;
                ByType.AddOrUpdate(name, amount, (_, v) => v + amount);
            }
        }
    }
}
