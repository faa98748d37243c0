using System.Diagnostics;

namespace AttrFanout.Nats.Benchmarks;

/// <summary>
/// Runs the benchmark's two loops back to back for a while, outside BenchmarkDotNet, for profilers:
/// <c>loop [seconds] [intake] [raw|fanout|both]</c>. Prints operations per second of each and their ratio.
/// </summary>
internal static class LoopRunner
{
    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var intake = args.Length <= 2 || bool.Parse(args[2]);
        var which = args.Length > 3 ? args[3] : "both";
        var bench = new JetStreamThroughputBenchmarks { Messages = 2000, Intake = intake };
        await bench.SetupAsync();
        try
        {
            var raw = TimeSpan.Zero;
            var fanout = TimeSpan.Zero;
            int rawOps = 0, fanoutOps = 0;
            var warmup = Stopwatch.StartNew();
            while (warmup.Elapsed.TotalSeconds < 4 && which != "phases")
            {
                if (which is "raw" or "both")
                {
                    await bench.RawJetStream();
                }

                if (which is "fanout" or "both")
                {
                    await bench.AttrFanoutOnJetStream();
                }
            }

            var serverCpu = bench.ServerCpuTime;
            var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var total = Stopwatch.StartNew();
            while (total.Elapsed.TotalSeconds < seconds)
            {
                if (which is "raw" or "both")
                {
                    var start = Stopwatch.GetTimestamp();
                    await bench.RawJetStream();
                    raw += Stopwatch.GetElapsedTime(start);
                    rawOps++;
                }

                if (which is "fanout" or "both")
                {
                    var start = Stopwatch.GetTimestamp();
                    await bench.AttrFanoutOnJetStream();
                    fanout += Stopwatch.GetElapsedTime(start);
                    fanoutOps++;
                }
            }

            if (which == "phases")
            {
                for (var op = 0; op < 30; op++)
                {
                    var start = Stopwatch.GetTimestamp();
                    var done = bench.Counter.Expect(bench.Messages);
                    var pending = new List<Task>(256);
                    for (var i = 0; i < bench.Messages; i++)
                    {
                        pending.Add(bench.Sender.SendAsync(new Tick(i)).AsTask());
                        if (pending.Count == 256)
                        {
                            await Task.WhenAll(pending);
                            pending.Clear();
                        }
                    }

                    await Task.WhenAll(pending);
                    var sent = Stopwatch.GetElapsedTime(start);
                    var remaining = bench.Counter.Remaining;
                    await done;
                    Console.WriteLine($"sent in {sent.TotalMilliseconds:F1} ms, {remaining} runs left, all done in {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F1} ms");
                }

                return;
            }

            var rawMs = rawOps == 0 ? 0 : raw.TotalMilliseconds / rawOps;
            var fanoutMs = fanoutOps == 0 ? 0 : fanout.TotalMilliseconds / fanoutOps;
            var ops = Math.Max(1, rawOps + fanoutOps);
            var serverPerOp = (bench.ServerCpuTime - serverCpu).TotalMilliseconds / ops;
            var clientPerOp = (Process.GetCurrentProcess().TotalProcessorTime - clientCpu).TotalMilliseconds / ops;
            Console.WriteLine($"cpu per op: client {clientPerOp:F1} ms, server {serverPerOp:F1} ms; backlog {await bench.BacklogAsync()}");
            Console.WriteLine($"intake={intake} raw {rawMs:F1} ms/op ({rawOps} ops), fanout {fanoutMs:F1} ms/op ({fanoutOps} ops), throughput ratio {(fanoutMs == 0 ? 0 : rawMs / fanoutMs):F2}");
        }
        finally
        {
            await bench.CleanupAsync();
        }
    }
}
