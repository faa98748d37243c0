using System.Buffers;
using System.Text.Json;

namespace AttrFanout.Triggers;

/// <summary>
/// Declares the event of a function's batches (<see cref="HoldNames.Batch"/>): its payload is the list of the batch's
/// events, written as JSON with each event's Id, timestamp and payload, the payloads by the function's own event's
/// generated serialization; no reflection.
/// </summary>
internal sealed class HeldBatchEventDescriptor(string name, EventDescriptor? heldEvent) : EventDescriptor(name)
{
    public override Type PayloadType => typeof(HeldBatch);

    public override bool CanSerializePayload => heldEvent is { CanSerializePayload: true };

    public override byte[] SerializePayload(object payload)
    {
        if (payload is not HeldBatch batch)
        {
            throw new ArgumentException($"The event '{Name}' carries a batch, not '{payload.GetType().FullName}'.", nameof(payload));
        }

        var inner = HeldEventDescriptor();
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var held in batch.Events)
            {
                writer.WriteStartObject();
                writer.WriteString("id", held.Id);
                writer.WriteString("ts", held.Timestamp);
                writer.WritePropertyName("p");
                writer.WriteRawValue(inner.SerializePayload(held.Payload), skipInputValidation: true);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    internal override long MeasurePayload(object payload) => SerializePayload(payload).Length;

    public override EventEnvelope DeserializeEnvelope(string id, DateTimeOffset timestamp, ReadOnlySpan<byte> payload)
    {
        var inner = HeldEventDescriptor();
        var reader = new Utf8JsonReader(payload);
        using var document = JsonDocument.ParseValue(ref reader);
        var events = new List<EventEnvelope>();
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(element.GetProperty("p").GetRawText());
            events.Add(inner.DeserializeEnvelope(element.GetProperty("id").GetString()!, element.GetProperty("ts").GetDateTimeOffset(), bytes));
        }

        return new Event<HeldBatch>(id, Name, timestamp, new HeldBatch(events));
    }

    private EventDescriptor HeldEventDescriptor() =>
        heldEvent is { CanSerializePayload: true } described
            ? described
            : throw new PayloadSerializationException(Name, typeof(HeldBatch), "the batched function's event was registered without a JSON metadata resolver, so its batches can only be kept in memory.");
}
