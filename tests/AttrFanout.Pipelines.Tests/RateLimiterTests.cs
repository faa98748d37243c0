using AttrFanout.Pipelines.Tests.Functions;
using AttrFanout.Pipelines.Tests.Infrastructure;
using Polly.RateLimiting;

namespace AttrFanout.Pipelines.Tests;

/// <summary>A function whose attempts run through the app's rate limiter: a rejected run comes back when the limiter says.</summary>
public sealed class RateLimiterTests
{
    [Fact]
    public async Task A_rejected_run_is_rescheduled_at_the_time_the_limiter_names()
    {
        await using var app = PipelineApp.Create();
        var window = AppPipelineRegistrations.ExportWindow;
        var sends = new List<SendResult>();
        for (var report = 0; report < 3; report++)
        {
            sends.Add(await app.Sender.SendAsync(new ExportRequested(report)));
        }

        // One export per minute: the first goes through, the two others wait for the next window.
        var first = await app.UntilRunsAsync(sends, "export-report", runs => runs.Count(r => r.Status == RunStatus.RetryScheduled) == 2);
        Assert.All(first.Where(r => r.Status == RunStatus.RetryScheduled), run =>
            Assert.Equal((app.Start + window, typeof(RateLimiterRejectedException).FullName), (run.NextAttemptAt, run.ErrorType)));

        await app.Clock.StepToTimerAsync(app.Start + window);
        var second = await app.UntilRunsAsync(sends, "export-report", runs => runs.Count(r => r.Status == RunStatus.Succeeded) == 2 && runs.Any(r => r.Attempts == 2 && r.Status == RunStatus.RetryScheduled));
        Assert.Equal(app.Start + 2 * window, second.Single(r => r.Status == RunStatus.RetryScheduled).NextAttemptAt);

        await app.Clock.StepToTimerAsync(app.Start + 2 * window);
        var runs = await app.UntilRunsAsync(sends, "export-report", runs => runs.All(r => r.Status == RunStatus.Succeeded));

        Assert.Equal([1, 2, 3], runs.Select(r => r.Attempts).Order());
        Assert.Equal([app.Start, app.Start + window, app.Start + 2 * window], app.Calls.TimesOf("export-report"));
    }
}
