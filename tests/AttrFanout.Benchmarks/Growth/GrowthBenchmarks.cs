using AttrFanout.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;

namespace AttrFanout.Benchmarks.Growth;

/// <summary>
/// How the cost of an event grows with its functions: <see cref="Events"/> events of an event with 1, 5, 20 or 100
/// no-op functions, timed until the last run. One operation = one event.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[Config(typeof(GrowthConfig))]
public class GrowthBenchmarks
{
    public const int Events = 2_000;

    private AttrFanoutApp _app = null!;

    [Params(1, 5, 20, 100)]
    public int Functions { get; set; }

    [GlobalSetup]
    public void Setup() => _app = new AttrFanoutApp();

    [GlobalCleanup]
    public ValueTask Cleanup() => _app.DisposeAsync();

    [Benchmark(OperationsPerInvoke = Events, Description = "AttrFanout fan-out")]
    public Task FanOut() => Functions switch
    {
        1 => SendAllAsync(static i => new GrowthOne(i)),
        5 => SendAllAsync(static i => new GrowthFive(i)),
        20 => SendAllAsync(static i => new GrowthTwenty(i)),
        _ => SendAllAsync(static i => new GrowthHundred(i)),
    };

    private async Task SendAllAsync<TPayload>(Func<int, TPayload> create)
        where TPayload : notnull, IEventPayload
    {
        var done = GrowthFunctions.Calls.Reset(Events * Functions);
        for (var i = 0; i < Events; i++)
        {
            await _app.Sender.SendAsync(create(i));
        }

        await done;
    }
}
