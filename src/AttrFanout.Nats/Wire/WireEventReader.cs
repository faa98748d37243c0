using System.Diagnostics.CodeAnalysis;
using AttrFanout.Nats.Subjects;
using NATS.Client.Core;

namespace AttrFanout.Nats.Wire;

/// <summary>
/// Reads a <see cref="WireEvent"/> from a stream message, or says precisely why the message is not one. A message without
/// an event time gets the time the server stored it; one whose event time cannot be read is not an event.
/// </summary>
internal sealed class WireEventReader(SubjectLayout subjects)
{
    public bool TryRead(string subject, NatsHeaders? headers, byte[]? body, DateTimeOffset storedAt, [NotNullWhen(true)] out WireEvent? wireEvent, [NotNullWhen(false)] out string? error)
    {
        wireEvent = null;
        string? name;
        if (subjects.TryGetReplayFunction(subject, out _))
        {
            name = HeaderText.Get(headers, WireHeaders.EventName);
            if (name is null || !FanoutNames.IsValidEventName(name))
            {
                error = $"Replay message on '{subject}' has no valid '{WireHeaders.EventName}' header (got '{name}').";
                return false;
            }
        }
        else if (!subjects.TryGetEventName(subject, out name))
        {
            error = $"Subject '{subject}' does not encode an event name (expected '{subjects.Prefix}.events.' or '{subjects.Prefix}.routed.' followed by an encoded event name).";
            return false;
        }

        var id = HeaderText.Get(headers, WireHeaders.EventId)
            ?? (HeaderText.Get(headers, WireHeaders.IngressSequence) is null ? HeaderText.Get(headers, WireHeaders.MessageId) : null);
        if (string.IsNullOrEmpty(id))
        {
            error = $"Message on '{subject}' has no '{WireHeaders.MessageId}' header, so it carries no event Id.";
            return false;
        }

        var time = HeaderText.Get(headers, WireHeaders.EventTime);
        var timestamp = storedAt;
        if (time is not null && !HeaderText.TryParseTime(time, out timestamp))
        {
            error = $"Message on '{subject}' has a malformed '{WireHeaders.EventTime}' header '{HeaderText.Line(time)}': expected an ISO 8601 time with an offset, such as '2026-12-06T13:45:00.123Z' (or no header, for the time the server stored the message).";
            return false;
        }

        wireEvent = new WireEvent(id, name, timestamp, body ?? [], TraceHeaders.Read(headers));
        error = null;
        return true;
    }
}
