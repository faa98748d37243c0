using System.Buffers;
using System.Text.Json;

namespace AttrFanout.Triggers;

/// <summary>
/// The events one hold keeps, in the order they were added, and since when the hold has been open; written to and read
/// from UTF-8 JSON without reflection by the stores that keep bytes.
/// </summary>
public sealed class HeldEvents
{
    /// <summary>Creates the content of a hold.</summary>
    /// <param name="since">When the hold opened: a debounce's burst began, counted against <see cref="DebounceRule.MaxWait"/>.</param>
    /// <param name="events">The events, in the order they were added.</param>
    public HeldEvents(DateTimeOffset since, IReadOnlyList<HeldEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        Since = since;
        Events = events;
    }

    /// <summary>Gets when the hold opened.</summary>
    public DateTimeOffset Since { get; }

    /// <summary>Gets the events, in the order they were added.</summary>
    public IReadOnlyList<HeldEvent> Events { get; }

    /// <summary>Writes the hold as UTF-8 JSON; every event must carry its payload bytes.</summary>
    /// <returns>The JSON.</returns>
    /// <exception cref="InvalidOperationException">An event carries its payload as an object only.</exception>
    public byte[] ToUtf8Json()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("since", Since);
            writer.WriteStartArray("events");
            foreach (var held in Events)
            {
                if (held.Payload.IsEmpty)
                {
                    throw new InvalidOperationException($"The held event '{held.Id}' carries no payload bytes; only a store that keeps objects can hold it.");
                }

                writer.WriteStartObject();
                writer.WriteString("id", held.Id);
                writer.WriteString("ts", held.Timestamp);
                writer.WriteString("at", held.HeldAt);
                writer.WriteNumber("n", held.Bytes);
                writer.WriteNumber("s", held.Sequence);
                writer.WritePropertyName("p");
                writer.WriteRawValue(held.Payload.Span, skipInputValidation: true);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a hold written by <see cref="ToUtf8Json"/>.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <returns>The hold, its events carrying their payload bytes.</returns>
    /// <exception cref="JsonException">The JSON is not a hold.</exception>
    public static HeldEvents FromUtf8Json(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        var root = document.RootElement;
        var events = new List<HeldEvent>();
        foreach (var element in root.GetProperty("events").EnumerateArray())
        {
            var payload = element.GetProperty("p").GetRawText();
            events.Add(new HeldEvent(
                element.GetProperty("id").GetString() ?? throw new JsonException("A held event has no Id."),
                element.GetProperty("ts").GetDateTimeOffset(),
                element.GetProperty("at").GetDateTimeOffset(),
                element.GetProperty("n").GetInt32())
            {
                Payload = System.Text.Encoding.UTF8.GetBytes(payload),
                Sequence = element.TryGetProperty("s", out var sequence) ? sequence.GetUInt64() : 0,
            });
        }

        return new HeldEvents(root.GetProperty("since").GetDateTimeOffset(), events);
    }
}
