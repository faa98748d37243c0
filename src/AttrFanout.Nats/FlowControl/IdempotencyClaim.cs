using System.Buffers;
using System.Text.Json;

namespace AttrFanout.Nats.FlowControl;

/// <summary>
/// The value of an idempotency claim: the event that took the key (<c>e</c>), until when it keeps it (<c>u</c>, Unix ms),
/// and, once that event is in the stream, the first run's Id (<c>r</c>).
/// </summary>
/// <param name="EventId">The event whose send claimed the key.</param>
/// <param name="Until">Until when the claim keeps later runs out.</param>
/// <param name="FirstRunId">The first run's Id, once its event was published.</param>
internal sealed record IdempotencyClaim(string EventId, DateTimeOffset Until, string? FirstRunId)
{
    public byte[] Encode()
    {
        var buffer = new ArrayBufferWriter<byte>(96);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("e", EventId);
            writer.WriteNumber("u", Until.ToUnixTimeMilliseconds());
            if (FirstRunId is not null)
            {
                writer.WriteString("r", FirstRunId);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a claim; <see langword="null"/> for anything unreadable (which may then be replaced).</summary>
    public static IdempotencyClaim? Decode(byte[]? value)
    {
        if (value is not { Length: > 0 })
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(value);
            string? eventId = null, runId = null;
            long until = 0;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "e": eventId = reader.GetString(); break;
                    case "u": until = reader.GetInt64(); break;
                    case "r": runId = reader.GetString(); break;
                }
            }

            return eventId is null ? null : new IdempotencyClaim(eventId, DateTimeOffset.FromUnixTimeMilliseconds(until), runId);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
