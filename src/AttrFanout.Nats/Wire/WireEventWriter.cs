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
        TraceHeaders.Write(headers, wireEvent.Trace);
        RunHeaders.Write(headers, wireEvent.FunctionHeaders);
        return headers;
    }

    /// <summary>
    /// Headers of a replay: the run's Id travels with it and the event's name and Id in their own headers; a run handed
    /// back at shutdown also carries the attempts it already made.
    /// </summary>
    public static NatsHeaders ReplayHeaders(WireEvent wireEvent, string runId, string messageId, int attemptsMade, string? functionId = null, string? keys = null, string? history = null)
    {
        var headers = new NatsHeaders
        {
            [WireHeaders.MessageId] = messageId,
            [WireHeaders.RunId] = runId,
            [WireHeaders.EventId] = wireEvent.Id,
            [WireHeaders.EventName] = wireEvent.Name,
            [WireHeaders.EventTime] = HeaderText.Time(wireEvent.Timestamp),
        };
        if (attemptsMade > 0)
        {
            headers[WireHeaders.Attempts] = attemptsMade.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (functionId is not null && keys is not null)
        {
            headers[RunHeaders.KeysOf(functionId)] = keys;
        }

        if (history is not null)
        {
            headers[AttemptHistoryHeader.Name] = history;
        }

        TraceHeaders.Write(headers, wireEvent.Trace);
        return headers;
    }

    /// <summary>
    /// Headers of an event the intake routes from its ingress subject: the producer's headers (but the server's own
    /// <c>Nats-</c> ones, which would apply again), the producer's message Id as the event Id, and a message Id of the
    /// ingress sequence. A producer that gave no event time gets the time the server stored its message.
    /// </summary>
    public static NatsHeaders RoutedHeaders(NatsHeaders? ingress, ulong ingressSequence, DateTimeOffset ingressStoredAt)
    {
        var headers = new NatsHeaders();
        if (ingress is not null)
        {
            foreach (var (name, values) in ingress)
            {
                if (!name.StartsWith("Nats-", StringComparison.OrdinalIgnoreCase))
                {
                    headers[name] = values;
                }
            }

            if (!headers.ContainsKey(WireHeaders.EventId) && HeaderText.Get(ingress, WireHeaders.MessageId) is { } eventId)
            {
                headers[WireHeaders.EventId] = eventId;
            }
        }

        if (!headers.ContainsKey(WireHeaders.EventTime))
        {
            headers[WireHeaders.EventTime] = HeaderText.Time(ingressStoredAt);
        }

        var sequence = ingressSequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers[WireHeaders.IngressSequence] = sequence;
        headers[WireHeaders.MessageId] = "ingress-" + sequence;
        return headers;
    }
}
