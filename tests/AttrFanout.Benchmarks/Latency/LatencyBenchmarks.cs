using AttrFanout.Benchmarks.Fanout;
using AttrFanout.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;

namespace AttrFanout.Benchmarks.Latency;

/// <summary>
/// Send → the last of 5 runs finished, for one event on an idle engine; one iteration is one event. The baseline is the
/// hand-written limit of the fan-out benchmark (a channel and a consumer loop per function) on the same idle thread pool:
/// what waking the threads that run the handlers costs on this machine, before any framework does anything.
/// </summary>
[Config(typeof(LatencyConfig))]
public class LatencyBenchmarks
{
    private const int Functions = 5;
    private readonly Countdown _limitCalls = new();
    private HandWrittenFanout _limit = null!;
    private AttrFanoutApp _app = null!;
    private int _sequence;

    [GlobalSetup(Target = nameof(Limit))]
    public void SetupLimit()
    {
        _limit = new HandWrittenFanout(Functions, 16, _limitCalls);
        Limit().GetAwaiter().GetResult();
    }

    [GlobalSetup(Target = nameof(SendAndWait))]
    public void Setup()
    {
        _app = new AttrFanoutApp();
        SendAndWait().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_limit is not null) await _limit.DisposeAsync();
        if (_app is not null) await _app.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "Limit (channel per function) send → 5 calls done")]
    public async Task Limit()
    {
        var done = _limitCalls.Reset(Functions);
        await _limit.SendAsync(new FanoutTick(_sequence++));
        await done;
    }

    [Benchmark(Description = "AttrFanout send → 5 runs done")]
    public async Task SendAndWait()
    {
        var done = LatencyFunctions.Calls.Reset(Functions);
        await _app.Sender.SendAsync(new LatencyProbe(_sequence++));
        await done;
    }
}
