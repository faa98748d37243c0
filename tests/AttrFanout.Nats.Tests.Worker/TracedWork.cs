using System.Diagnostics;

namespace AttrFanout.Nats.Tests.Worker;

[Event("work/traced")]
public sealed partial record TracedWork(int N);

public sealed class TracedProcessor(WorkJournal journal)
{
    /// <summary>Journals what the attempt's span knows of the send: "traced N trace parent link tracestate tenant group operation destination message".</summary>
    [OnEvent("work/traced", Id = "traced-work", Retries = 0)]
    public void Process(TracedWork work)
    {
        var span = Activity.Current;
        journal.Write(string.Join(' ',
            "traced",
            work.N,
            span?.TraceId.ToString() ?? "-",
            span?.ParentSpanId.ToString() ?? "-",
            span?.Links.FirstOrDefault().Context.SpanId.ToString() ?? "-",
            span?.TraceStateString ?? "-",
            span?.GetBaggageItem("tenant") ?? "-",
            span?.GetTagItem("messaging.consumer.group.name") ?? "-",
            span?.GetTagItem("messaging.operation.type") ?? "-",
            span?.GetTagItem("messaging.destination.name") ?? "-",
            span?.GetTagItem("messaging.message.id") ?? "-"));
    }
}
