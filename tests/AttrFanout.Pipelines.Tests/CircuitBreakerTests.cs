using AttrFanout.Pipelines.Tests.Functions;
using AttrFanout.Pipelines.Tests.Infrastructure;
using Polly.CircuitBreaker;

namespace AttrFanout.Pipelines.Tests;

/// <summary>A function whose attempts run through the app's circuit breaker: an open circuit reschedules the run at the break's end.</summary>
public sealed class CircuitBreakerTests
{
    [Fact]
    public async Task An_open_circuit_reschedules_the_run_at_the_end_of_the_break_and_siblings_run_once()
    {
        await using var app = PipelineApp.Create();
        var breakEnd = app.Start + AppPipelineRegistrations.BreakDuration;

        // Two first attempts fail while the gateway is down: the circuit opens.
        var sends = new[] { await app.Sender.SendAsync(new ChargeRequested("o-1")), await app.Sender.SendAsync(new ChargeRequested("o-2")) };
        await app.UntilRunsAsync(sends, "charge-card", runs => runs.All(r => r.Status == RunStatus.RetryScheduled));

        // Their retries meet the open circuit and are put off to exactly the end of the break, not to the engine's backoff.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var rejected = await app.UntilRunsAsync(sends, "charge-card", runs => runs.All(r => r.Attempts == 2 && r.Status == RunStatus.RetryScheduled));
        Assert.All(rejected, run => Assert.Equal((breakEnd, typeof(BrokenCircuitException).FullName), (run.NextAttemptAt, run.ErrorType)));
        Assert.Equal(2, app.Calls.CountOf("charge-card"));

        // At the end of the break the gateway is up again: the half-open probe and the other run succeed.
        await app.Clock.StepToTimerAsync(breakEnd);
        var charged = await app.UntilRunsAsync(sends, "charge-card", runs => runs.All(r => r.Status == RunStatus.Succeeded));
        Assert.All(charged, run => Assert.Equal(3, run.Attempts));
        Assert.Equal([app.Start, app.Start, breakEnd, breakEnd], app.Calls.TimesOf("charge-card"));

        var siblings = await app.RunsOfAsync(sends, "record-charge");
        Assert.All(siblings, run => Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.Attempts)));
        Assert.Equal([app.Start, app.Start], app.Calls.TimesOf("record-charge"));
    }

    [Fact]
    public async Task Pollys_own_telemetry_reports_the_circuit_opening_with_the_function_as_operation_key()
    {
        await using var app = PipelineApp.Create();

        var sends = new[] { await app.Sender.SendAsync(new ChargeRequested("o-1")), await app.Sender.SendAsync(new ChargeRequested("o-2")) };
        await app.UntilRunsAsync(sends, "charge-card", runs => runs.All(r => r.Status == RunStatus.RetryScheduled));

        var opened = Assert.Single(app.Logs.Entries, e => e.Category.StartsWith("Polly", StringComparison.Ordinal) && e.Message.Contains("OnCircuitOpened", StringComparison.Ordinal));
        Assert.Contains("'charge-card'", opened.Message, StringComparison.Ordinal);
    }
}
