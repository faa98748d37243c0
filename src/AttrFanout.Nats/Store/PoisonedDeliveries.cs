using AttrFanout.Nats.Consuming;
using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Wire;

namespace AttrFanout.Nats.Store;

/// <summary>
/// What can be read of a delivery that is not a valid event: the event Id, name and time its headers or subject carry,
/// so the engine's dead letter and <c>attrfanout/function.failed</c> name as much of it as there is.
/// </summary>
internal static class PoisonedDeliveries
{
    public static WireEvent WhatIsKnown(SubjectLayout subjects, DeliveredMessage message)
    {
        var headers = message.Headers;
        var id = HeaderText.Get(headers, WireHeaders.EventId) ?? HeaderText.Get(headers, WireHeaders.MessageId) ?? "";
        var name = subjects.TryGetEventName(message.Subject, out var fromSubject)
            ? fromSubject
            : HeaderText.Get(headers, WireHeaders.EventName) ?? "";
        var timestamp = HeaderText.TryGetTime(headers, WireHeaders.EventTime, out var at) ? at : message.StoredAt;
        return new WireEvent(id, name, timestamp, message.Body, TraceHeaders.Read(headers));
    }
}
