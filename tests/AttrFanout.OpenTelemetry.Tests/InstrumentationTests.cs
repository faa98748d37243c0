using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AttrFanout.OpenTelemetry.Tests;

[Event("otel/order.placed")]
public sealed partial record OrderPlaced(string OrderId);

public static class OrderFunctions
{
    public static System.Collections.Concurrent.ConcurrentDictionary<string, string?> TenantOf { get; } = new();

    [OnEvent("otel/order.placed", Id = "otel-charge-card")]
    public static void Charge(OrderPlaced order) => TenantOf[order.OrderId] = Baggage.GetBaggage("tenant");
}

[CollectionDefinition(nameof(InstrumentationTests), DisableParallelization = true)]
public sealed class InstrumentationCollection;

[Collection(nameof(InstrumentationTests))]
public sealed class InstrumentationTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_tracer_provider_exports_the_send_and_the_attempt_as_its_child()
    {
        var spans = new List<Activity>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddAttrFanoutInstrumentation().AddInMemoryExporter(spans).Build())
        {
            var (eventId, runId) = await SendAndRunAsync();
            tracing.ForceFlush();

            var send = Assert.Single(spans, s => s.Kind == ActivityKind.Producer && (string?)s.GetTagItem("messaging.message.id") == eventId);
            var attempt = Assert.Single(spans, s => (string?)s.GetTagItem("attrfanout.run_id") == runId);
            Assert.Equal(send.TraceId, attempt.TraceId);
            Assert.Equal(send.SpanId, attempt.ParentSpanId);
            Assert.Equal("otel-charge-card", attempt.GetTagItem("messaging.consumer.group.name"));
            Assert.Equal("otel/order.placed", send.GetTagItem("messaging.destination.name"));
        }
    }

    [Fact]
    public async Task OpenTelemetry_baggage_set_by_the_sender_is_the_handlers_baggage()
    {
        using var tracing = Sdk.CreateTracerProviderBuilder().AddAttrFanoutInstrumentation().Build();
        Baggage.SetBaggage("tenant", "t-5");
        try
        {
            await SendAndRunAsync("o-baggage");
        }
        finally
        {
            Baggage.ClearBaggage();
        }

        Assert.Equal("t-5", OrderFunctions.TenantOf["o-baggage"]);
    }

    [Fact]
    public async Task Without_the_registration_no_AttrFanout_span_is_exported()
    {
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddInMemoryExporter(spans).Build();

        await SendAndRunAsync();
        tracing.ForceFlush();

        Assert.DoesNotContain(spans, s => s.Source.Name == FanoutDiagnostics.Name);
    }

    [Fact]
    public async Task The_meter_provider_exports_counters_the_advised_histogram_buckets_and_the_waiting_gauge()
    {
        var metrics = new List<Metric>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddAttrFanoutInstrumentation().AddInMemoryExporter(metrics).Build();

        await SendAndRunAsync(whileRunning: () => meters.ForceFlush());

        Assert.Contains(metrics, m => m.Name == "attrfanout.events.sent");
        Assert.Contains(metrics, m => m.Name == "attrfanout.runs.succeeded");
        var duration = metrics.Last(m => m.Name == "attrfanout.run.duration");
        Assert.Equal(MetricType.Histogram, duration.MetricType);
        var bounds = new List<double>();
        foreach (ref readonly var point in duration.GetMetricPoints())
        {
            foreach (var bucket in point.GetHistogramBuckets())
            {
                bounds.Add(bucket.ExplicitBound);
            }
        }

        Assert.Contains(0.001, bounds);
        Assert.Contains(600.0, bounds);
        var waiting = Assert.Single(metrics, m => m.Name == "attrfanout.runs.waiting");
        Assert.Equal(MetricType.LongGauge, waiting.MetricType);
        var functions = new List<object?>();
        foreach (ref readonly var point in waiting.GetMetricPoints())
        {
            foreach (var tag in point.Tags)
            {
                functions.Add(tag.Value);
            }

            Assert.Equal(0, point.GetGaugeLastValueLong());
        }

        Assert.Contains("otel-charge-card", functions);
    }

    private static async Task<(string EventId, string RunId)> SendAndRunAsync(string orderId = "o-1", Action? whileRunning = null)
    {
        await using var services = new ServiceCollection().AddAttrFanout(o => o.ShutdownTimeout = TimeSpan.Zero).BuildServiceProvider();
        var result = await services.GetRequiredService<IEventSender>().SendAsync(new OrderPlaced(orderId));
        var runId = Assert.Single(result.RunIds);
        var run = await services.GetRequiredService<IFunctionRuns>().WaitForCompletionAsync(runId).WaitAsync(Bound);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        whileRunning?.Invoke();
        return (result.EventId, runId);
    }
}
