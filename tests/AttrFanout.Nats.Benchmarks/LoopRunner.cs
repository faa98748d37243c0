using System.Diagnostics;

namespace AttrFanout.Nats.Benchmarks;

/// <summary>
/// Runs the benchmark's loops outside BenchmarkDotNet, for profilers: <c>loop [seconds] [intake] [mode]</c>.
/// <list type="bullet">
/// <item><c>raw</c>, <c>fanout</c>, <c>both</c>: after a 4 s warm-up, operations per second of each, CPU time per
/// operation of this process and of nats-server, and the events stream's backlog at the end.</item>
/// <item><c>converge-raw</c>, <c>converge-fanout</c>: the mean time per operation of each second from the start, to see
/// how long the JIT takes to reach steady state.</item>
/// <item><c>phases</c>: for 30 AttrFanout operations, when the last send returned and how many runs were left.</item>
/// </list>
/// </summary>
internal static class LoopRunner
{
    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var intake = args.Length <= 2 || bool.Parse(args[2]);
        var mode = args.Length > 3 ? args[3] : "both";
        var bench = new JetStreamThroughputBenchmarks { Messages = 2000, Intake = intake };
        await bench.SetupAsync();
        try
        {
            await (mode switch
            {
                "converge-raw" => ConvergeAsync(bench.RawJetStream, mode, seconds),
                "converge-fanout" => ConvergeAsync(bench.AttrFanoutOnJetStream, mode, seconds),
                "phases" => PhasesAsync(bench),
                _ => ThroughputAsync(bench, mode, intake, seconds),
            });
        }
        finally
        {
            await bench.CleanupAsync();
        }
    }

    private static async Task ThroughputAsync(JetStreamThroughputBenchmarks bench, string mode, bool intake, double seconds)
    {
        var raw = mode is "raw" or "both";
        var fanout = mode is "fanout" or "both";
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < 4)
        {
            await RoundAsync(bench, raw, fanout, default);
        }

        var serverCpu = bench.ServerCpuTime;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var totals = new Totals();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            await RoundAsync(bench, raw, fanout, totals);
        }

        var ops = Math.Max(1, totals.RawOps + totals.FanoutOps);
        var serverPerOp = (bench.ServerCpuTime - serverCpu).TotalMilliseconds / ops;
        var clientPerOp = (Process.GetCurrentProcess().TotalProcessorTime - clientCpu).TotalMilliseconds / ops;
        Console.WriteLine($"cpu per op: client {clientPerOp:F1} ms, server {serverPerOp:F1} ms; backlog {await bench.BacklogAsync()}");
        var rawMs = totals.RawOps == 0 ? 0 : totals.Raw.TotalMilliseconds / totals.RawOps;
        var fanoutMs = totals.FanoutOps == 0 ? 0 : totals.Fanout.TotalMilliseconds / totals.FanoutOps;
        Console.WriteLine($"intake={intake} raw {rawMs:F1} ms/op ({totals.RawOps} ops), fanout {fanoutMs:F1} ms/op ({totals.FanoutOps} ops), throughput ratio {(fanoutMs == 0 ? 0 : rawMs / fanoutMs):F2}");
        Console.WriteLine($"percentiles (p10 p50 p90 max, ms): raw {totals.Percentiles(totals.RawTimes)}, fanout {totals.Percentiles(totals.FanoutTimes)}");
    }

    private static async Task RoundAsync(JetStreamThroughputBenchmarks bench, bool raw, bool fanout, Totals? totals)
    {
        if (raw)
        {
            var start = Stopwatch.GetTimestamp();
            await bench.RawJetStream();
            totals?.AddRaw(Stopwatch.GetElapsedTime(start));
        }

        if (fanout)
        {
            var start = Stopwatch.GetTimestamp();
            await bench.AttrFanoutOnJetStream();
            totals?.AddFanout(Stopwatch.GetElapsedTime(start));
        }
    }

    private static async Task ConvergeAsync(Func<Task> operation, string mode, double seconds)
    {
        var clock = Stopwatch.StartNew();
        var second = 0;
        var ops = 0;
        var spent = TimeSpan.Zero;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var start = Stopwatch.GetTimestamp();
            await operation();
            spent += Stopwatch.GetElapsedTime(start);
            ops++;
            if ((int)clock.Elapsed.TotalSeconds > second)
            {
                Console.WriteLine($"{mode} second {second}: {spent.TotalMilliseconds / ops:F1} ms/op");
                second = (int)clock.Elapsed.TotalSeconds;
                ops = 0;
                spent = TimeSpan.Zero;
            }
        }
    }

    private static async Task PhasesAsync(JetStreamThroughputBenchmarks bench)
    {
        for (var op = 0; op < 150; op++)
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
            var ran = Stopwatch.GetElapsedTime(start);
            var backlog = await bench.BacklogAsync();
            while (await bench.BacklogAsync() > 0)
            {
                await Task.Delay(1);
            }

            Console.WriteLine($"sent in {sent.TotalMilliseconds:F1} ms, {remaining} runs left, all done in {ran.TotalMilliseconds:F1} ms, {backlog} messages left then, stream empty in {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F1} ms");
        }
    }

    private sealed class Totals
    {
        public TimeSpan Raw { get; private set; }

        public TimeSpan Fanout { get; private set; }

        public int RawOps { get; private set; }

        public int FanoutOps { get; private set; }

        public List<double> RawTimes { get; } = [];

        public List<double> FanoutTimes { get; } = [];

        public void AddRaw(TimeSpan elapsed)
        {
            Raw += elapsed;
            RawOps++;
            RawTimes.Add(elapsed.TotalMilliseconds);
        }

        public void AddFanout(TimeSpan elapsed)
        {
            Fanout += elapsed;
            FanoutOps++;
            FanoutTimes.Add(elapsed.TotalMilliseconds);
        }

        public string Percentiles(List<double> times)
        {
            if (times.Count == 0)
            {
                return "-";
            }

            var sorted = times.Order().ToArray();
            double At(double p) => sorted[(int)Math.Min(sorted.Length - 1, p * sorted.Length)];
            return $"{At(0.1):F1} {At(0.5):F1} {At(0.9):F1} {sorted[^1]:F1}";
        }
    }
}
