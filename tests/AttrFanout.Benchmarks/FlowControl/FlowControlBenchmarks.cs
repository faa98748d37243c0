using AttrFanout.Benchmarks.Fanout;
using AttrFanout.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;

namespace AttrFanout.Benchmarks.FlowControl;

/// <summary>
/// In-memory fan-out, 5 no-op functions per event, without flow control (the baseline, the fan-out benchmark's functions)
/// and with one rule per function that never holds a run back: a keyed concurrency limit over 100 accounts, a throttle
/// far above the rate, an idempotency key unique per event. The ratio is what checking and keeping the rule costs.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[Config(typeof(ThroughputConfig))]
public class FlowControlBenchmarks
{
    public const int Events = 10_000;
    private const int Functions = 5;
    private static readonly string[] Accounts = [.. Enumerable.Range(0, 100).Select(static i => $"acct-{i}")];

    private AttrFanoutApp _app = null!;
    private int _round;

    [GlobalSetup]
    public void Setup() => _app = new AttrFanoutApp();

    [GlobalCleanup]
    public async Task Cleanup() => await _app.DisposeAsync();

    [Benchmark(Baseline = true, OperationsPerInvoke = Events, Description = "no rule")]
    public async Task Unkeyed()
    {
        var done = FanoutFunctions.Calls.Reset(Events * Functions);
        for (var i = 0; i < Events; i++)
        {
            await _app.Sender.SendAsync(new FanoutTick(i));
        }

        await done;
    }

    [Benchmark(OperationsPerInvoke = Events, Description = "[Concurrency(Key)] per account")]
    public async Task KeyedConcurrency()
    {
        var done = KeyedFunctions.Calls.Reset(Events * Functions);
        for (var i = 0; i < Events; i++)
        {
            await _app.Sender.SendAsync(new KeyedTick(i, Accounts[i % Accounts.Length]));
        }

        await done;
    }

    [Benchmark(OperationsPerInvoke = Events, Description = "[Throttle]")]
    public async Task Throttled()
    {
        var done = ThrottledFunctions.Calls.Reset(Events * Functions);
        for (var i = 0; i < Events; i++)
        {
            await _app.Sender.SendAsync(new ThrottledTick(i));
        }

        await done;
    }

    [Benchmark(OperationsPerInvoke = Events, Description = "[Idempotency(Key)]")]
    public async Task Idempotent()
    {
        var round = Interlocked.Increment(ref _round);
        var done = OnceFunctions.Calls.Reset(Events * Functions);
        for (var i = 0; i < Events; i++)
        {
            await _app.Sender.SendAsync(new OnceTick(i, $"order-{round}-{i}"));
        }

        await done;
    }
}
