using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AttrFanout.Conformance;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Telemetry;

[Event("tests/telemetry.ping")]
public sealed partial record TracedPing(int Number);

public static class TelemetryFunctions
{
    [OnEvent("tests/telemetry.ping", Id = "telemetry-ok")]
    public static void Ok(TracedPing ping)
    {
    }

    [OnEvent("tests/telemetry.ping", Id = "telemetry-flaky-once", Retries = 1)]
    public static void FlakyOnce(TracedPing ping, FunctionContext context)
    {
        if (context.Attempt == 1)
        {
            throw new InvalidOperationException("first attempt fails");
        }
    }

    [OnEvent("tests/telemetry.ping", Id = "telemetry-broken")]
    public static void Broken(TracedPing ping) => throw new NonRetriableException("always broken");
}

[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryCollection;

[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests
{
    private static readonly string[] OurFunctions = ["telemetry-ok", "telemetry-flaky-once", "telemetry-broken"];

    [Fact]
    public async Task A_send_and_every_run_attempt_produce_spans_children_of_and_linked_to_the_send()
    {
        using var recorded = new RecordedActivities();
        var stopped = recorded.Stopped;
        await using var app = TestApp.Create();
        var request = new Activity("incoming-request").Start();

        var result = await app.Sender.SendAsync(new TracedPing(1));
        request.Stop();
        var done = app.CompletionOf(result.RunIds);
        await app.Clock.AdvanceUntilAsync(done);
        await done;

        var send = Assert.Single(stopped, a => a.OperationName == "attrfanout.send tests/telemetry.ping" && (string?)a.GetTagItem("attrfanout.event_id") == result.EventId);
        Assert.Equal(ActivityKind.Producer, send.Kind);
        Assert.Equal(request.SpanId, send.ParentSpanId);
        Assert.Equal("tests/telemetry.ping", send.GetTagItem("attrfanout.event"));
        var attempts = stopped.Where(a => (string?)a.GetTagItem("attrfanout.event_id") == result.EventId && a.OperationName.StartsWith("attrfanout.run ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, attempts.Length);
        Assert.All(attempts, a =>
        {
            Assert.Equal(ActivityKind.Consumer, a.Kind);
            Assert.Equal(send.Context.TraceId, a.TraceId);
            Assert.Equal(send.Context.SpanId, a.ParentSpanId);
            Assert.Equal(send.Context.TraceId, Assert.Single(a.Links).Context.TraceId);
            Assert.Equal(send.Context.SpanId, Assert.Single(a.Links).Context.SpanId);
            Assert.Equal("tests/telemetry.ping", a.GetTagItem("attrfanout.event"));
        });
        Assert.Equal(
            ["telemetry-broken/1/failed", "telemetry-flaky-once/1/failed", "telemetry-flaky-once/2/succeeded", "telemetry-ok/1/succeeded"],
            attempts.Select(a => $"{a.GetTagItem("attrfanout.function")}/{a.GetTagItem("attrfanout.attempt")}/{a.GetTagItem("attrfanout.outcome")}").Order());
        Assert.All(attempts.Where(a => (string?)a.GetTagItem("attrfanout.outcome") == "failed"), a => Assert.Equal(ActivityStatusCode.Error, a.Status));

        // The failure event of telemetry-broken is sent after its run completed, in the same trace as the send.
        bool FailureSent(Activity a) => a.Kind == ActivityKind.Producer && a.OperationName == "attrfanout.send attrfanout/function.failed" && a.ParentSpanId == send.SpanId;
        await Safety.UntilAsync(() => Task.FromResult(stopped.Any(FailureSent)));
        Assert.Equal(send.TraceId, Assert.Single(stopped, FailureSent).TraceId);
    }

    [Fact]
    public async Task Counters_and_histograms_record_sends_runs_retries_failures_and_durations()
    {
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "AttrFanout")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.Start();
        await using var app = TestApp.Create();

        var result = await app.Sender.SendAsync(new TracedPing(1));
        var done = app.CompletionOf(result.RunIds);
        await app.Clock.AdvanceUntilAsync(done);
        await done;

        int CountFor(string instrument, string function) =>
            measurements.Count(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault("attrfanout.function"), function));

        // A run's completion is reported before its attempt's duration is recorded.
        await Safety.UntilAsync(() => Task.FromResult(OurFunctions.Sum(f => CountFor("attrfanout.run.duration", f)) == 4));

        Assert.Contains(measurements, m => m.Instrument == "attrfanout.events.sent" && Equals(m.Tags["attrfanout.event"], "tests/telemetry.ping"));
        Assert.All(OurFunctions, f => Assert.Equal(1, CountFor("attrfanout.runs.started", f)));
        Assert.Equal(1, CountFor("attrfanout.run.duration", "telemetry-ok"));
        Assert.Equal(2, CountFor("attrfanout.run.duration", "telemetry-flaky-once"));
        Assert.All(OurFunctions, f => Assert.Equal(CountFor("attrfanout.run.duration", f), CountFor("attrfanout.run.queue_wait", f)));
        Assert.Equal(1, CountFor("attrfanout.runs.succeeded", "telemetry-ok"));
        Assert.Equal(1, CountFor("attrfanout.runs.succeeded", "telemetry-flaky-once"));
        Assert.Equal(1, CountFor("attrfanout.runs.retried", "telemetry-flaky-once"));
        Assert.Equal(0, CountFor("attrfanout.runs.retried", "telemetry-ok"));
        Assert.Equal(1, CountFor("attrfanout.runs.failed", "telemetry-broken"));
    }

    [Fact]
    public void Nothing_is_created_or_recorded_when_nobody_listens()
    {
        Assert.False(FanoutDiagnostics.ActivitySource.HasListeners());
        Assert.Null(AttrFanout.Telemetry.FanoutActivities.StartSend("tests/telemetry.ping", "e-1"));
        Assert.False(AttrFanout.Telemetry.FanoutMetrics.EventsSent.Enabled);
        Assert.False(AttrFanout.Telemetry.FanoutMetrics.RunDuration.Enabled);
        Assert.Null(Activity.Current);
        Assert.Null(AttrFanout.Telemetry.TracePropagation.Capture());

        var before = GC.GetAllocatedBytesForCurrentThread();
        var captured = AttrFanout.Telemetry.TracePropagation.Capture();
        var started = AttrFanout.Telemetry.FanoutActivities.StartSend("tests/telemetry.ping", "e-1");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Null(captured);
        Assert.Null(started);
        Assert.Equal(0, allocated);
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var dictionary = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            dictionary[tag.Key] = tag.Value;
        }

        return dictionary;
    }
}
