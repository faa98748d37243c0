using NATS.Client.Core;

namespace AttrFanout.Nats.Wire;

/// <summary>Writes the headers of a <see cref="WireEvent"/>.</summary>
internal static class WireEventWriter
{
    /// <summary>Headers of an event publish: the event Id is the message Id, so the server drops duplicates.</summary>
    public static NatsHeaders EventHeaders(WireEvent wireEvent)
    {
        var headers = new NatsHeaders
        {
            [WireHeaders.MessageId] = wireEvent.Id,
            [WireHeaders.EventTime] = HeaderText.Time(wireEvent.Timestamp),
        };
        AddTrace(headers, wireEvent);
        return headers;
    }

    /// <summary>Headers of a replay: the new run's Id is the message Id; the event's name and Id travel in their own headers.</summary>
    public static NatsHeaders ReplayHeaders(WireEvent wireEvent, string runId)
    {
        var headers = new NatsHeaders
        {
            [WireHeaders.MessageId] = runId,
            [WireHeaders.RunId] = runId,
            [WireHeaders.EventId] = wireEvent.Id,
            [WireHeaders.EventName] = wireEvent.Name,
            [WireHeaders.EventTime] = HeaderText.Time(wireEvent.Timestamp),
        };
        AddTrace(headers, wireEvent);
        return headers;
    }

    private static void AddTrace(NatsHeaders headers, WireEvent wireEvent)
    {
        if (wireEvent.TraceParent is { } traceParent)
        {
            headers[WireHeaders.TraceParent] = traceParent;
        }
    }
}
