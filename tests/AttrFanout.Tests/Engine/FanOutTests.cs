using System.Collections.Concurrent;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Engine;

[Event("tests/fanout.concurrent")]
public sealed partial record FanOutPing(int Expected);

/// <summary>Every handler enters, then waits until all of them have entered: only concurrent runs can get past.</summary>
public sealed class FanOutBarrier
{
    private readonly Signal _allEntered = new();
    private readonly Signal[] _reached = [new(), new(), new(), new()];
    private int _entered;

    public ConcurrentBag<string> Functions { get; } = [];

    public Task Reached(int count) => _reached[count].Task;

    public async Task EnterAsync(FunctionContext context, int expected, CancellationToken cancellationToken)
    {
        Functions.Add(context.FunctionId);
        var entered = Interlocked.Increment(ref _entered);
        _reached[Math.Min(entered, _reached.Length - 1)].Set();
        if (entered == expected)
        {
            _allEntered.Set();
        }

        await _allEntered.Task.WaitAsync(cancellationToken);
    }
}

public static class FanOutFunctions
{
    [OnEvent("tests/fanout.concurrent", Id = "fanout-first")]
    public static Task First(FanOutPing ping, FunctionContext context, CancellationToken ct) =>
        context.Services.GetRequiredService<FanOutBarrier>().EnterAsync(context, ping.Expected, ct);

    [OnEvent("tests/fanout.concurrent", Id = "fanout-second")]
    public static Task Second(FanOutPing ping, FunctionContext context, CancellationToken ct) =>
        context.Services.GetRequiredService<FanOutBarrier>().EnterAsync(context, ping.Expected, ct);

    [OnEvent("tests/fanout.concurrent", Id = "fanout-third")]
    public static Task Third(FanOutPing ping, FunctionContext context, CancellationToken ct) =>
        context.Services.GetRequiredService<FanOutBarrier>().EnterAsync(context, ping.Expected, ct);
}

public sealed class FanOutTests
{
    [Fact]
    public async Task Every_function_of_an_event_gets_its_own_run_and_they_execute_concurrently()
    {
        await using var app = TestApp.Create(services: s => s.AddSingleton<FanOutBarrier>());

        var result = await app.Sender.SendAsync(new FanOutPing(Expected: 3));

        Assert.Equal(3, result.RunIds.Count);
        Assert.Equal(3, result.RunIds.Distinct().Count());
        var runs = await app.CompletionOf(result.RunIds);
        Assert.All(runs, run => Assert.Equal(RunStatus.Succeeded, run.Status));
        Assert.Equal(["fanout-first", "fanout-second", "fanout-third"], app.Get<FanOutBarrier>().Functions.Order());
    }

    [Fact]
    public async Task Global_max_concurrency_bounds_the_runs_executing_at_once()
    {
        await using var app = TestApp.Create(o => o.MaxConcurrency = 2, s => s.AddSingleton<FanOutBarrier>());

        var result = await app.Sender.SendAsync(new FanOutPing(Expected: 3));

        var stuck = app.CompletionOf(result.RunIds);
        await app.Get<FanOutBarrier>().Reached(2).Safe();
        Assert.False(stuck.IsCompleted);
        Assert.Equal(2, app.Get<FanOutBarrier>().Functions.Count);
        Assert.Single(await app.GetRunsAsync(result.RunIds), r => r.Status == RunStatus.Pending);
    }
}

[Event("tests/fanout.limited")]
public sealed partial record LimitedPing(int Expected);

public static class LimitedFunctions
{
    [OnEvent("tests/fanout.limited", Id = "fanout-limited", Concurrency = 2)]
    public static Task Limited(LimitedPing ping, FunctionContext context, CancellationToken ct) =>
        context.Services.GetRequiredService<FanOutBarrier>().EnterAsync(context, ping.Expected, ct);
}

public sealed class FunctionConcurrencyTests
{
    [Fact]
    public async Task A_function_concurrency_limit_bounds_its_runs_executing_at_once()
    {
        await using var app = TestApp.Create(services: s => s.AddSingleton<FanOutBarrier>());
        var barrier = app.Get<FanOutBarrier>();

        var results = await app.Sender.SendManyAsync([new LimitedPing(3), new LimitedPing(3), new LimitedPing(3)]);
        await barrier.Reached(2).Safe();

        var runs = await app.GetRunsAsync(results.SelectMany(r => r.RunIds));
        Assert.Equal(2, runs.Count(r => r.Status == RunStatus.Running));
        Assert.Equal(1, runs.Count(r => r.Status == RunStatus.Pending));
        Assert.Equal(2, barrier.Functions.Count);
    }

    [Fact]
    public async Task A_configured_concurrency_overrides_the_attribute()
    {
        await using var app = TestApp.Create(o => o.Functions["fanout-limited"] = new FunctionOptions { Concurrency = 3 }, s => s.AddSingleton<FanOutBarrier>());

        var results = await app.Sender.SendManyAsync([new LimitedPing(3), new LimitedPing(3), new LimitedPing(3)]);

        var runs = await app.CompletionOf(results.SelectMany(r => r.RunIds));
        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
    }
}
