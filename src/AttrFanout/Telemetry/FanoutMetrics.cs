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

    public static readonly Histogram<double> RunDuration = FanoutDiagnostics.Meter.CreateHistogram<double>(
        "attrfanout.run.duration", "s", "Time one attempt of a run executed, from its start to its settlement.");

    public static readonly Histogram<double> QueueWait = FanoutDiagnostics.Meter.CreateHistogram<double>(
        "attrfanout.run.queue_wait", "s", "Time a due run (or a due retry) waited for a slot.");

    public static void Add(Counter<long> counter, string tagName, string tagValue)
    {
        if (counter.Enabled)
        {
            counter.Add(1, new KeyValuePair<string, object?>(tagName, tagValue));
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
