using AttrFanout.Stores;
using AttrFanout.Stores.InMemory;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Engine;

/// <summary>The engine over a store that retries by redelivery (as a JetStream transport does) instead of in process.</summary>
public sealed class RedeliveryTests
{
    private static TestApp CreateApp() =>
        TestApp.Create(services: s => s
            .AddSingleton(sp => new AttemptLog(sp.GetRequiredService<TimeProvider>()))
            .AddSingleton<IFanoutStore>(sp => new InMemoryFanoutStore(100, sp.GetRequiredService<TimeProvider>(), redeliverRetries: true)));

    [Fact]
    public async Task A_flaky_run_is_redelivered_by_the_store_with_its_attempt_count_while_siblings_run_once()
    {
        await using var app = CreateApp();
        Assert.False(app.Get<IFanoutStore>().RetriesInProcess);

        var result = await app.Sender.SendAsync(new FlakyOrder(FailuresBeforeSuccess: 2));
        var runs = (await app.RunToEndAsync(result.RunIds)).ToDictionary(r => r.FunctionId);
        var log = app.Get<AttemptLog>();
        Assert.Equal([1, 2, 3], log.Attempts.Where(a => a.FunctionId == "retry-flaky").Select(a => a.Attempt));
        Assert.Equal(1, log.CountOf("retry-sibling-a"));
        Assert.Equal(1, log.CountOf("retry-sibling-b"));
        Assert.Equal(RunStatus.Succeeded, runs["retry-flaky"].Status);
        Assert.Equal(3, runs["retry-flaky"].Attempts);
    }

    [Fact]
    public async Task A_redelivered_run_fails_for_good_after_its_last_attempt()
    {
        await using var app = CreateApp();

        var result = await app.Sender.SendAsync(new AlwaysFailing("broken"));
        var run = await app.RunToEndAsync(result.RunIds[0]);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(5, run.Attempts);
        Assert.Equal(5, app.Get<AttemptLog>().CountOf("retry-default"));
    }

    [Fact]
    public async Task A_retry_after_sets_when_the_store_redelivers()
    {
        await using var app = CreateApp();

        var result = await app.Sender.SendAsync(new RateLimited(Minutes: 30));
        var run = await app.RunToEndAsync(result.RunIds[0]);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var times = app.Get<AttemptLog>().TimesOf("errors-retry-after");
        Assert.Equal(TimeSpan.FromMinutes(30), times[1] - times[0]);
    }

    [Fact]
    public async Task Each_retry_is_reported_to_the_store_as_scheduled_before_it_is_due()
    {
        await using var app = CreateApp();

        var result = await app.Sender.SendAsync(new RateLimited(Minutes: 30));
        var firstAttempt = app.Get<AttemptLog>();
        await Safety.UntilAsync(async () => (await app.Runs.GetAsync(result.RunIds[0]))!.Status == RunStatus.RetryScheduled);

        var scheduled = (await app.Runs.GetAsync(result.RunIds[0]))!;
        Assert.Equal(1, scheduled.Attempts);
        Assert.Equal(firstAttempt.TimesOf("errors-retry-after")[0] + TimeSpan.FromMinutes(30), scheduled.NextAttemptAt);
        Assert.Equal(typeof(RetryAfterException).FullName, scheduled.ErrorType);
    }
}
