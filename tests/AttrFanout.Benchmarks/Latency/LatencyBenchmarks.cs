using AttrFanout.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;

namespace AttrFanout.Benchmarks.Latency;

/// <summary>Send → the last of 5 runs finished, for one event on an idle engine; one iteration is one event.</summary>
[Config(typeof(LatencyConfig))]
public class LatencyBenchmarks
{
    private AttrFanoutApp _app = null!;
    private int _sequence;

    [GlobalSetup]
    public void Setup()
    {
        _app = new AttrFanoutApp();
        SendAndWait().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public ValueTask Cleanup() => _app.DisposeAsync();

    [Benchmark(Description = "AttrFanout send → 5 runs done")]
    public async Task SendAndWait()
    {
        var done = LatencyFunctions.Calls.Reset(5);
        await _app.Sender.SendAsync(new LatencyProbe(_sequence++));
        await done;
    }
}
