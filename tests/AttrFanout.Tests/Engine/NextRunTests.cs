using System.Collections.Concurrent;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Engine;

[Event("tests/next-run.hold")]
public sealed partial record HoldUntilReleased(int N);

[Event("tests/next-run.count")]
public sealed partial record CountedWork(int N);

/// <summary>What the functions of <see cref="NextRunTests"/> saw.</summary>
public sealed class NextRunProbe
{
    private int _executing;
    private int _mostAtOnce;

    public ManualResetEventSlim Released { get; } = new();

    public ConcurrentQueue<bool> HolderSawRelease { get; } = new();

    public ConcurrentQueue<int> Counted { get; } = new();

    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

    public void Enter()
    {
        var now = Interlocked.Increment(ref _executing);
        int most;
        while (now > (most = Volatile.Read(ref _mostAtOnce)) && Interlocked.CompareExchange(ref _mostAtOnce, now, most) != most)
        {
        }
    }

    public void Leave() => Interlocked.Decrement(ref _executing);
}

public static class NextRunFunctions
{
    /// <summary>Run 1 blocks its thread until run 2 of the same function has executed.</summary>
    [OnEvent("tests/next-run.hold", Id = "next-run-hold", Concurrency = 2)]
    public static void Hold(HoldUntilReleased request, FunctionContext context)
    {
        var probe = context.Services.GetRequiredService<NextRunProbe>();
        if (request.N == 1)
        {
            probe.HolderSawRelease.Enqueue(probe.Released.Wait(TimeSpan.FromSeconds(30)));
            return;
        }

        probe.Released.Set();
    }

    [OnEvent("tests/next-run.count", Id = "next-run-count", Concurrency = 3)]
    public static async Task Count(CountedWork work, FunctionContext context)
    {
        var probe = context.Services.GetRequiredService<NextRunProbe>();
        probe.Enter();
        try
        {
            if (work.N % 2 == 0)
            {
                await Task.Yield();
            }

            probe.Counted.Enqueue(work.N);
        }
        finally
        {
            probe.Leave();
        }
    }
}

/// <summary>
/// An attempt that ends takes its function's next due run itself, with its slot (in memory): the function's limit still
/// holds, and a run whose handler blocks its thread never holds back the function's other runs.
/// </summary>
public sealed class NextRunTests
{
    private static TestApp CreateApp() => TestApp.Create(services: s => s.AddSingleton<NextRunProbe>());

    [Fact]
    public async Task A_run_that_blocks_its_thread_until_a_later_run_of_its_function_executes_is_released_by_it()
    {
        await using var app = CreateApp();
        var probe = app.Get<NextRunProbe>();

        var first = await app.Sender.SendAsync(new HoldUntilReleased(1));
        var second = await app.Sender.SendAsync(new HoldUntilReleased(2));

        var runs = await app.CompletionOf([.. first.RunIds, .. second.RunIds]);
        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.Equal([true], probe.HolderSawRelease);
    }

    [Fact]
    public async Task Runs_taken_back_to_back_never_exceed_the_function_concurrency_and_all_execute_once()
    {
        await using var app = CreateApp();
        var probe = app.Get<NextRunProbe>();

        var results = await app.Sender.SendManyAsync(Enumerable.Range(1, 500).Select(n => new CountedWork(n)));

        var runs = await app.CompletionOf(results.SelectMany(r => r.RunIds));
        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.Equal(Enumerable.Range(1, 500), probe.Counted.Order());
        Assert.InRange(probe.MostAtOnce, 1, 3);
    }
}
