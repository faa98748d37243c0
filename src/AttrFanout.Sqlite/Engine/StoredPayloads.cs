using System.Diagnostics.CodeAnalysis;

namespace AttrFanout.Sqlite.Engine;

/// <summary>Turns payloads into the bytes the file keeps, through the catalog's generated serializers, and back.</summary>
internal sealed class StoredPayloads(FunctionCatalog catalog, int maxPayloadBytes)
{
    /// <exception cref="PayloadSerializationException">The event is unknown or has no serializer, or the payload cannot be serialized.</exception>
    /// <exception cref="PayloadTooLargeException">The serialized payload is over the limit.</exception>
    public byte[] Serialize(EventEnvelope envelope)
    {
        var descriptor = Descriptor(envelope.Name, envelope.Payload.GetType());
        if (!descriptor.CanSerializePayload)
        {
            throw new PayloadSerializationException(
                envelope.Name,
                descriptor.PayloadType,
                "the SQLite store keeps payloads as JSON, but the event was registered without a JSON metadata resolver. " +
                "Declare the payload type with [Event(\"" + envelope.Name + "\")] so the generator emits one, or create its EventDescriptor with an IJsonTypeInfoResolver.");
        }

        var bytes = descriptor.SerializePayload(envelope.Payload);
        if (bytes.Length > maxPayloadBytes)
        {
            throw new PayloadTooLargeException(envelope.Name, bytes.Length, maxPayloadBytes);
        }

        return bytes;
    }

    /// <summary>Rebuilds the event of a leased run; false, with the error that fails the run, when it cannot.</summary>
    public bool TryRead(LeasedRun run, [NotNullWhen(true)] out EventEnvelope? envelope, [NotNullWhen(false)] out PayloadSerializationException? error)
    {
        envelope = null;
        error = null;
        if (!catalog.TryGetEvent(run.EventName, out var descriptor))
        {
            error = new PayloadSerializationException(
                run.EventName,
                typeof(object),
                $"run '{run.RunId}' of function '{run.FunctionId}' cannot start: no [Event] of this app declares '{run.EventName}' any more.");
            return false;
        }

        try
        {
            envelope = descriptor.DeserializeEnvelope(run.EventId, run.EventTimestamp, run.Payload);
            return true;
        }
        catch (PayloadSerializationException problem)
        {
            error = new PayloadSerializationException(
                run.EventName,
                descriptor.PayloadType,
                $"run '{run.RunId}' of function '{run.FunctionId}' cannot start: the stored payload of event '{run.EventId}' does not match the payload type " +
                $"(corrupt row or changed type): {problem.InnerException?.Message ?? problem.Message}",
                problem);
            return false;
        }
    }

    /// <summary>Rebuilds a stored event with its payload; <see langword="null"/> when the app no longer declares it or the payload does not read.</summary>
    public EventEnvelope? TryRead(string eventId, string eventName, DateTimeOffset timestamp, byte[] payload)
    {
        if (!catalog.TryGetEvent(eventName, out var descriptor))
        {
            return null;
        }

        try
        {
            return descriptor.DeserializeEnvelope(eventId, timestamp, payload);
        }
        catch (PayloadSerializationException)
        {
            return null;
        }
    }

    private EventDescriptor Descriptor(string eventName, Type payloadType) =>
        catalog.TryGetEvent(eventName, out var descriptor)
            ? descriptor
            : throw new PayloadSerializationException(eventName, payloadType, "no [Event] of this app declares the event, so the SQLite store has no serializer for it.");
}
