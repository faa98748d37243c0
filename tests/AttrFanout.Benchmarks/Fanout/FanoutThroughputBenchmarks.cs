using AttrFanout.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;

namespace AttrFanout.Benchmarks.Fanout;

/// <summary>
/// In-memory fan-out throughput: 5 no-op functions per event, <see cref="Events"/> events sent back to back (the
/// queues hold many in flight), timed until the last of the 5 × <see cref="Events"/> calls. One operation = one event.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[Config(typeof(ThroughputConfig))]
public class FanoutThroughputBenchmarks
{
    public const int Events = 10_000;
    private const int Functions = 5;

    private HandWrittenFanout _limit = null!;
    private AttrFanoutApp _attrFanout = null!;
    private WolverineFanout _wolverine = null!;
    private MassTransitFanout _massTransit = null!;
    private readonly Countdown _limitCalls = new();

    [GlobalSetup(Target = nameof(Limit))]
    public void SetupLimit() => _limit = new HandWrittenFanout(Functions, 2_000, _limitCalls);

    [GlobalSetup(Target = nameof(AttrFanout))]
    public void SetupAttrFanout() => _attrFanout = new AttrFanoutApp();

    [GlobalSetup(Target = nameof(Wolverine))]
    public void SetupWolverine() => _wolverine = WolverineFanout.StartAsync().GetAwaiter().GetResult();

    [GlobalSetup(Target = nameof(MassTransit))]
    public void SetupMassTransit() => _massTransit = MassTransitFanout.StartAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_limit is not null) await _limit.DisposeAsync();
        if (_attrFanout is not null) await _attrFanout.DisposeAsync();
        if (_wolverine is not null) await _wolverine.DisposeAsync();
        if (_massTransit is not null) await _massTransit.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events, Description = "Limit (channel per function)")]
    public async Task Limit()
    {
        var done = _limitCalls.Reset(Events * Functions);
        for (var i = 0; i < Events; i++)
        {
            await _limit.SendAsync(new FanoutTick(i));
        }

        await done;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public async Task AttrFanout()
    {
        var done = FanoutFunctions.Calls.Reset(Events * Functions);
        for (var i = 0; i < Events; i++)
        {
            await _attrFanout.Sender.SendAsync(new FanoutTick(i));
        }

        await done;
    }

    [Benchmark(OperationsPerInvoke = Events, Description = "Wolverine (local, Separated)")]
    public async Task Wolverine()
    {
        var done = WolverineFanout.Calls.Reset(Events * Functions);
        for (var i = 0; i < Events; i++)
        {
            await _wolverine.Bus.PublishAsync(new WolverineTick(i));
        }

        await done;
    }

    [Benchmark(OperationsPerInvoke = Events, Description = "MassTransit (in-memory)")]
    public async Task MassTransit()
    {
        var done = MassTransitFanout.Calls.Reset(Events * Functions);
        for (var i = 0; i < Events; i++)
        {
            await _massTransit.Bus.Publish(new MassTransitTick(i));
        }

        await done;
    }
}
