using System.Collections.Concurrent;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Polly.Timeout;

namespace AttrFanout.Tests.Engine;

[Event("tests/retry.flaky")]
public sealed partial record FlakyOrder(int FailuresBeforeSuccess);

[Event("tests/retry.default")]
public sealed partial record AlwaysFailing(string Reason);

[Event("tests/retry.timeout")]
public sealed partial record SlowWork(int Id);

/// <summary>Counts every attempt of every function and remembers when and with which context it ran.</summary>
public sealed class AttemptLog(TimeProvider time)
{
    public ConcurrentQueue<(string FunctionId, int Attempt, int MaxAttempts, DateTimeOffset At)> Attempts { get; } = new();

    public void Record(FunctionContext context) => Attempts.Enqueue((context.FunctionId, context.Attempt, context.MaxAttempts, time.GetUtcNow()));

    public int CountOf(string functionId) => Attempts.Count(a => a.FunctionId == functionId);

    public DateTimeOffset[] TimesOf(string functionId) => Attempts.Where(a => a.FunctionId == functionId).Select(a => a.At).Order().ToArray();
}

public static class RetryFunctions
{
    [OnEvent("tests/retry.flaky", Id = "retry-flaky", Retries = 3)]
    public static void Flaky(FlakyOrder order, FunctionContext context)
    {
        context.Services.GetRequiredService<AttemptLog>().Record(context);
        if (context.Attempt <= order.FailuresBeforeSuccess)
        {
            throw new InvalidOperationException($"attempt {context.Attempt} fails");
        }
    }

    [OnEvent("tests/retry.flaky", Id = "retry-sibling-a")]
    public static void SiblingA(FlakyOrder order, FunctionContext context) => context.Services.GetRequiredService<AttemptLog>().Record(context);

    [OnEvent("tests/retry.flaky", Id = "retry-sibling-b")]
    public static ValueTask SiblingB(FlakyOrder order, FunctionContext context)
    {
        context.Services.GetRequiredService<AttemptLog>().Record(context);
        return ValueTask.CompletedTask;
    }

    [OnEvent("tests/retry.default", Id = "retry-default")]
    public static void Default(AlwaysFailing failing, FunctionContext context)
    {
        context.Services.GetRequiredService<AttemptLog>().Record(context);
        throw new InvalidOperationException(failing.Reason);
    }

    [OnEvent("tests/retry.timeout", Id = "retry-timeout", TimeoutSeconds = 5, Retries = 1)]
    public static async Task Slow(SlowWork work, FunctionContext context, CancellationToken ct)
    {
        context.Services.GetRequiredService<AttemptLog>().Record(context);
        await Task.Delay(Timeout.InfiniteTimeSpan, ct);
    }
}

public sealed class RetryTests
{
    private static TestApp CreateApp(Action<AttrFanoutOptions>? configure = null) =>
        TestApp.Create(configure, s => s.AddSingleton(sp => new AttemptLog(sp.GetRequiredService<TimeProvider>())));

    [Fact]
    public async Task A_flaky_function_retries_on_its_own_while_each_sibling_runs_exactly_once()
    {
        await using var app = CreateApp();

        var result = await app.Sender.SendAsync(new FlakyOrder(FailuresBeforeSuccess: 2));
        var runs = (await app.RunToEndAsync(result.RunIds)).ToDictionary(r => r.FunctionId);
        var log = app.Get<AttemptLog>();
        Assert.Equal(3, log.CountOf("retry-flaky"));
        Assert.Equal(1, log.CountOf("retry-sibling-a"));
        Assert.Equal(1, log.CountOf("retry-sibling-b"));
        Assert.Equal(RunStatus.Succeeded, runs["retry-flaky"].Status);
        Assert.Equal(3, runs["retry-flaky"].Attempts);
        Assert.Equal(1, runs["retry-sibling-a"].Attempts);
        Assert.All(log.Attempts.Where(a => a.FunctionId == "retry-flaky"), a => Assert.Equal(4, a.MaxAttempts));
        Assert.Equal([1, 2, 3], log.Attempts.Where(a => a.FunctionId == "retry-flaky").Select(a => a.Attempt).Order());
    }

    [Fact]
    public async Task Retries_wait_an_exponential_backoff_starting_near_the_base_delay()
    {
        await using var app = CreateApp(o => o.MaxRetryDelay = TimeSpan.FromHours(1));

        var result = await app.Sender.SendAsync(new FlakyOrder(FailuresBeforeSuccess: 3));
        var done = app.CompletionOf(result.RunIds);
        await app.Clock.AdvanceUntilAsync(done);

        var times = app.Get<AttemptLog>().TimesOf("retry-flaky");
        Assert.Equal(4, times.Length);
        var delays = times.Zip(times.Skip(1), (a, b) => b - a).ToArray();
        Assert.All(delays, d => Assert.True(d > TimeSpan.Zero, $"delay {d}"));
        Assert.True(delays[0] < TimeSpan.FromSeconds(10), $"first delay {delays[0]}");
        Assert.True(delays.Sum(d => d.TotalSeconds) < 120, $"delays {string.Join(", ", delays)}");
    }

    [Fact]
    public async Task A_function_without_retries_set_gets_the_default_of_four_and_then_fails()
    {
        await using var app = CreateApp();

        var result = await app.Sender.SendAsync(new AlwaysFailing("broken"));
        var run = await app.RunToEndAsync(result.RunIds[0]);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(5, run.Attempts);
        Assert.Equal(5, app.Get<AttemptLog>().CountOf("retry-default"));
        Assert.Equal(typeof(InvalidOperationException).FullName, run.ErrorType);
        Assert.Equal("broken", run.ErrorMessage);
        Assert.Equal(app.Clock.GetUtcNow(), run.FailedAt);
    }

    [Fact]
    public async Task The_default_retries_come_from_the_options()
    {
        await using var app = CreateApp(o => o.DefaultRetries = 1);

        var result = await app.Sender.SendAsync(new AlwaysFailing("broken"));
        var run = await app.RunToEndAsync(result.RunIds[0]);

        Assert.Equal(2, run.Attempts);
        Assert.Equal(2, app.Get<AttemptLog>().CountOf("retry-default"));
    }

    [Fact]
    public async Task Each_attempt_is_limited_by_the_function_timeout()
    {
        await using var app = CreateApp();
        var sentAt = app.Clock.GetUtcNow();

        var result = await app.Sender.SendAsync(new SlowWork(1));
        var run = await app.RunToEndAsync(result.RunIds[0]);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(2, run.Attempts);
        Assert.Equal(typeof(TimeoutRejectedException).FullName, run.ErrorType);
        var times = app.Get<AttemptLog>().TimesOf("retry-timeout");
        Assert.Equal(2, times.Length);
        Assert.True(times[1] - sentAt >= TimeSpan.FromSeconds(5), $"second attempt {times[1] - sentAt} after the send");
        Assert.True(run.FailedAt - sentAt >= TimeSpan.FromSeconds(10), $"failed {run.FailedAt - sentAt} after the send");
    }

    [Fact]
    public async Task Each_retry_is_reported_to_the_store_as_scheduled_before_the_delay()
    {
        await using var app = CreateApp(o => o.BaseRetryDelay = TimeSpan.FromMinutes(1));

        var result = await app.Sender.SendAsync(new FlakyOrder(FailuresBeforeSuccess: 1));
        await Safety.UntilAsync(async () => (await app.GetRunAsync(result, "retry-flaky")).Status == RunStatus.RetryScheduled);

        var scheduled = await app.GetRunAsync(result, "retry-flaky");
        Assert.Equal(1, scheduled.Attempts);
        Assert.True(scheduled.NextAttemptAt > app.Get<AttemptLog>().TimesOf("retry-flaky")[0]);
        Assert.Equal(typeof(InvalidOperationException).FullName, scheduled.ErrorType);
        Assert.Equal("attempt 1 fails", scheduled.ErrorMessage);

        Assert.All(await app.RunToEndAsync(result.RunIds), r => Assert.Equal(RunStatus.Succeeded, r.Status));
    }
}
