using AttrFanout.Pipelines.Tests.Functions;
using AttrFanout.Pipelines.Tests.Infrastructure;
using Polly.Timeout;

namespace AttrFanout.Pipelines.Tests;

/// <summary>The function's attempt timeout is around the app's pipeline: whatever the pipeline does, the attempt ends on time.</summary>
public sealed class AttemptTimeoutTests
{
    [Fact]
    public async Task The_attempt_timeout_ends_an_app_pipeline_that_retries_inside_the_attempt()
    {
        await using var app = PipelineApp.Create();
        var delay = AppPipelineRegistrations.LookupRetryDelay;

        var result = await app.Sender.SendAsync(new LookupRequested("k-1"));

        // The app's pipeline retries every 3 s without end, inside the one attempt: calls at 0, 3, 6 and 9 s.
        for (var call = 1; call <= 4; call++)
        {
            await app.UntilCallsAsync("slow-lookup", call);
            await app.Clock.WaitForTimerAsync(app.Start + call * delay);
            if (call < 4)
            {
                app.Clock.SetUtcNow(app.Start + call * delay);
            }
        }

        // The attempt's 10 s timeout cancels the pipeline's wait for its fifth call and fails the run (no retries left).
        await app.Clock.StepToTimerAsync(app.Start + TimeSpan.FromSeconds(10));
        var run = await app.CompletionOf(result.RunIds[0]);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(1, run.Attempts);
        Assert.Equal(typeof(TimeoutRejectedException).FullName, run.ErrorType);
        Assert.Equal(app.Start + TimeSpan.FromSeconds(10), run.FailedAt);
        Assert.Equal([app.Start, app.Start + delay, app.Start + 2 * delay, app.Start + 3 * delay], app.Calls.TimesOf("slow-lookup"));
    }
}
