using System.Diagnostics.Metrics;
using AttrFanout.Tests.Infrastructure;

namespace AttrFanout.Tests.Telemetry;

[Event("tests/waiting.job")]
public sealed partial record WaitingJob(int Number);

public static class WaitingFunctions
{
    public static Signal Release { get; set; } = new();

    [OnEvent("tests/waiting.job", Id = "waiting-one-at-a-time", Retries = 1, Concurrency = 1)]
    public static async Task Handle(WaitingJob job, FunctionContext context)
    {
        if (job.Number == 0)
        {
            await Release.Task;
        }

        if (job.Number == 1 && context.Attempt == 1)
        {
            throw new InvalidOperationException("first attempt fails");
        }
    }
}

[Collection(nameof(TelemetryTests))]
public sealed class WaitingRunsTests
{
    [Fact]
    public async Task The_waiting_gauge_counts_due_runs_behind_a_busy_slot_and_retries_on_a_timer()
    {
        WaitingFunctions.Release = new Signal();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "AttrFanout" && instrument.Name == "attrfanout.runs.waiting")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        var observed = new List<(int Value, object? Function)>();
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) => observed.Add((value, tags.ToArray().Single(t => t.Key == "attrfanout.function").Value)));
        listener.Start();
        await using var app = TestApp.Create();
        int Waiting()
        {
            observed.Clear();
            listener.RecordObservableInstruments();
            return observed.Where(o => Equals(o.Function, "waiting-one-at-a-time")).Sum(o => o.Value);
        }

        var blocker = Assert.Single((await app.Sender.SendAsync(new WaitingJob(0))).RunIds);
        await Safety.UntilAsync(async () => (await app.Runs.GetAsync(blocker))?.Status == RunStatus.Running);
        var failing = Assert.Single((await app.Sender.SendAsync(new WaitingJob(1))).RunIds);
        var queued = Assert.Single((await app.Sender.SendAsync(new WaitingJob(2))).RunIds);
        Assert.Equal(2, Waiting());

        WaitingFunctions.Release.Set();
        await Safety.UntilAsync(async () => (await app.Runs.GetAsync(failing))?.Status == RunStatus.RetryScheduled
            && (await app.Runs.GetAsync(queued))?.Status == RunStatus.Succeeded);
        Assert.Equal(1, Waiting());

        await app.RunToEndAsync(failing);
        Assert.Equal(0, Waiting());
    }

    [Fact]
    public void Duration_histograms_advise_bucket_boundaries_from_milliseconds_to_minutes()
    {
        var boundaries = AttrFanout.Telemetry.FanoutMetrics.RunDuration.Advice?.HistogramBucketBoundaries;

        Assert.NotNull(boundaries);
        Assert.Equal(0.001, boundaries[0]);
        Assert.Contains(300.0, boundaries);
        Assert.Equal(boundaries.Order(), boundaries);
        Assert.Equal(boundaries, AttrFanout.Telemetry.FanoutMetrics.QueueWait.Advice?.HistogramBucketBoundaries);
    }
}
