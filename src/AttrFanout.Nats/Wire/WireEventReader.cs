using System.Diagnostics.CodeAnalysis;
using AttrFanout.Nats.Subjects;
using NATS.Client.Core;

namespace AttrFanout.Nats.Wire;

/// <summary>Reads a <see cref="WireEvent"/> from a stream message, or says precisely why the message is not one.</summary>
internal sealed class WireEventReader(SubjectLayout subjects)
{
    public bool TryRead(string subject, NatsHeaders? headers, byte[]? body, [NotNullWhen(true)] out WireEvent? wireEvent, [NotNullWhen(false)] out string? error)
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

        if (!HeaderText.TryGetTime(headers, WireHeaders.EventTime, out var timestamp))
        {
            error = $"Message on '{subject}' has no valid '{WireHeaders.EventTime}' header (ISO 8601 round-trip time expected).";
            return false;
        }

        wireEvent = new WireEvent(id, name, timestamp, body ?? [], TraceHeaders.Read(headers));
        error = null;
        return true;
    }
}
