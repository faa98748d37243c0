using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Engine;

/// <summary>A retry is settled as a due time that the store carries out; the run waits in the store, not in the engine.</summary>
public sealed class RetryScheduleTests
{
    private static TestApp CreateApp() =>
        TestApp.Create(services: s => s.AddSingleton(sp => new AttemptLog(sp.GetRequiredService<TimeProvider>())));

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
