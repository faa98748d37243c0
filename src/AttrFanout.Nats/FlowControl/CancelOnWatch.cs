using System.Text.Json;

namespace AttrFanout.Nats.FlowControl;

/// <summary>One recorded cancelling event for one function and rule: what the engine's query held, and the event's payload.</summary>
internal sealed record CancelOnWatch(string FunctionId, int RuleIndex, string? MatchKey, DateTimeOffset? WatchedSince, string EventId, string EventName, DateTimeOffset Timestamp, byte[] Payload)
{
    /// <summary>Gets when the entry stops being watched.</summary>
    public DateTimeOffset Expires => Timestamp + CancelOnWatches.Kept;

    /// <summary>Gets or sets the query rebuilt from the entry, once decoded by this instance.</summary>
    public Stores.CancelOnQuery? Query { get; set; }

    public byte[] Encode()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128 + Payload.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("f", FunctionId);
            writer.WriteNumber("r", RuleIndex);
            writer.WriteString("k", MatchKey);
            if (WatchedSince is { } since)
            {
                writer.WriteNumber("s", since.UtcTicks);
            }

            writer.WriteString("i", EventId);
            writer.WriteString("n", EventName);
            writer.WriteNumber("t", Timestamp.UtcTicks);
            writer.WriteBase64String("p", Payload);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static bool TryDecode(byte[] value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CancelOnWatch? watch)
    {
        watch = null;
        try
        {
            using var document = JsonDocument.Parse(value);
            var root = document.RootElement;
            watch = new CancelOnWatch(
                root.GetProperty("f").GetString()!,
                root.GetProperty("r").GetInt32(),
                root.GetProperty("k").GetString(),
                root.TryGetProperty("s", out var since) ? new DateTimeOffset(since.GetInt64(), TimeSpan.Zero) : null,
                root.GetProperty("i").GetString()!,
                root.GetProperty("n").GetString()!,
                new DateTimeOffset(root.GetProperty("t").GetInt64(), TimeSpan.Zero),
                root.GetProperty("p").GetBytesFromBase64());
            return true;
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return false;
        }
    }
}
