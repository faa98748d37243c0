namespace AttrFanout.Nats.Store;

/// <summary>Turns payloads into message bodies and back through the catalog's event descriptors.</summary>
internal sealed class PayloadCodec(FunctionCatalog catalog)
{
    private static readonly EventDescriptor FunctionFailedDescriptor =
        new EventDescriptor<FunctionFailed>(FunctionFailed.Name, FunctionFailedJsonContext.Default);

    public byte[] Serialize(EventEnvelope envelope) => Descriptor(envelope.Name).SerializePayload(envelope.Payload);

    /// <summary>Rebuilds the event.</summary>
    /// <exception cref="PayloadSerializationException">The body is not a valid payload of the event, or the event has no serializer.</exception>
    /// <exception cref="UnknownEventException">No event of that name is declared in this app.</exception>
    public EventEnvelope Deserialize(string eventName, string id, DateTimeOffset timestamp, ReadOnlySpan<byte> body) =>
        Descriptor(eventName).DeserializeEnvelope(id, timestamp, body);

    private EventDescriptor Descriptor(string eventName)
    {
        if (!catalog.TryGetEvent(eventName, out var descriptor))
        {
            throw new UnknownEventException(eventName);
        }

        return descriptor.CanSerializePayload || eventName != FunctionFailed.Name ? descriptor : FunctionFailedDescriptor;
    }
}
