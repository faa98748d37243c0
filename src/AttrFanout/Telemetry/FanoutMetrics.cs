using System.Diagnostics.Metrics;

namespace AttrFanout.Telemetry;

/// <summary>AttrFanout's instruments; each records only when a listener enabled it.</summary>
internal static class FanoutMetrics
{
    public static readonly Counter<long> EventsSent = FanoutDiagnostics.Meter.CreateCounter<long>(
        "attrfanout.events.sent", "{event}", "Events accepted (duplicates excluded).");

    public static readonly Counter<long> RunsStarted = FanoutDiagnostics.Meter.CreateCounter<long>(
        "attrfanout.runs.started", "{run}", "Runs whose first attempt started.");

    public static readonly Counter<long> RunsSucceeded = FanoutDiagnostics.Meter.CreateCounter<long>(
        "attrfanout.runs.succeeded", "{run}", "Runs that succeeded.");

    public static readonly Counter<long> RunsRetried = FanoutDiagnostics.Meter.CreateCounter<long>(
        "attrfanout.runs.retried", "{attempt}", "Failed attempts followed by a retry.");

    public static readonly Counter<long> RunsFailed = FanoutDiagnostics.Meter.CreateCounter<long>(
        "attrfanout.runs.failed", "{run}", "Runs that failed for good.");

    public static readonly Counter<long> RunsSkipped = FanoutDiagnostics.Meter.CreateCounter<long>(
        "attrfanout.runs.skipped", "{run}", "Runs left out by a flow-control rule (a rate limit, a singleton in skip mode).");

    public static readonly Counter<long> RunsDeferred = FanoutDiagnostics.Meter.CreateCounter<long>(
        "attrfanout.runs.deferred", "{run}", "Takes of a run that flow control held back to a later time (a full concurrency limit, a throttle).");

    public static readonly Counter<long> RunsCancelled = FanoutDiagnostics.Meter.CreateCounter<long>(
        "attrfanout.runs.cancelled", "{run}", "Runs cancelled by a request or by a singleton in cancel mode.");

    /// <summary>
    /// Bucket boundaries, in seconds, for a run's durations: from a handler that answers in milliseconds to one that works
    /// for minutes (an attempt's timeout is typically a few minutes).
    /// </summary>
    public static readonly IReadOnlyList<double> DurationBuckets =
        [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

    public static readonly Histogram<double> RunDuration = FanoutDiagnostics.Meter.CreateHistogram(
        "attrfanout.run.duration", "s", "Time one attempt of a run executed, from its start to its settlement.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    public static readonly Histogram<double> QueueWait = FanoutDiagnostics.Meter.CreateHistogram(
        "attrfanout.run.queue_wait", "s", "Time a due run (or a due retry) waited for a slot.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    public static readonly ObservableGauge<int> RunsWaiting = FanoutDiagnostics.Meter.CreateObservableGauge(
        "attrfanout.runs.waiting", WaitingRuns.Observe, "{run}",
        "Runs of a function this process holds waiting: due and not yet taken, or waiting on an in-process timer for a retry.");

    public static void Add(Counter<long> counter, string tagName, string tagValue)
    {
        if (counter.Enabled)
        {
            counter.Add(1, new KeyValuePair<string, object?>(tagName, tagValue));
        }
    }

    public static void AddWithReason(Counter<long> counter, string functionId, string reason)
    {
        if (counter.Enabled)
        {
            counter.Add(1, new KeyValuePair<string, object?>(FanoutTags.Function, functionId), new KeyValuePair<string, object?>(FanoutTags.Reason, reason));
        }
    }

    public static void Record(Histogram<double> histogram, TimeSpan elapsed, string functionId)
    {
        if (histogram.Enabled)
        {
            histogram.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(FanoutTags.Function, functionId));
        }
    }
}
