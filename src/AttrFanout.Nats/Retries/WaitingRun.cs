using System.Buffers;
using System.Globalization;
using System.Text.Json;
using AttrFanout.Nats.Wire;
using AttrFanout.Stores;

namespace AttrFanout.Nats.Retries;

/// <summary>A run waiting for its next attempt, as kept in the retry bucket until it is due.</summary>
/// <param name="FunctionId">The function.</param>
/// <param name="RunId">The run.</param>
/// <param name="AttemptsMade">The attempts finished so far; the replay carries them on.</param>
/// <param name="Event">The event, with its payload.</param>
/// <param name="Keys">The run's flow-control keys as encoded, or <see langword="null"/>.</param>
/// <param name="History">The run's attempts as <see cref="AttemptHistoryHeader"/> encodes them, which the replay carries on; <see langword="null"/> for none.</param>
internal sealed record WaitingRun(string FunctionId, string RunId, int AttemptsMade, WireEvent Event, string? Keys = null, string? History = null)
{
    /// <summary>Gets the run's attempts, decoded.</summary>
    public IReadOnlyList<RunAttempt> Attempts => AttemptHistoryHeader.Decode(History);

    /// <summary>
    /// Writes the run as one line of JSON (its identity and the event's) followed by the payload's bytes as they are:
    /// a JSON line written without indentation holds no raw line break, so the first one ends it.
    /// </summary>
    public byte[] Encode()
    {
        var buffer = new ArrayBufferWriter<byte>(256 + Event.Payload.Length);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("f", FunctionId);
            json.WriteString("r", RunId);
            json.WriteNumber("a", AttemptsMade);
            json.WriteString("i", Event.Id);
            json.WriteString("n", Event.Name);
            json.WriteString("t", HeaderText.Time(Event.Timestamp));
            if (Keys is not null)
            {
                json.WriteString("k", Keys);
            }

            if (History is not null)
            {
                json.WriteString("h", History);
            }

            if (Event.Trace is { } trace)
            {
                json.WriteStartObject("x");
                foreach (var (field, value) in trace.Fields)
                {
                    json.WriteString(field, value);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        buffer.Write("\n"u8);
        buffer.Write(Event.Payload.Span);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads what <see cref="Encode"/> wrote; <see langword="null"/> for anything else.</summary>
    public static WaitingRun? Decode(byte[]? value)
    {
        var end = value is null ? -1 : Array.IndexOf(value, (byte)'\n');
        if (value is null || end < 0)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(value.AsSpan(0, end));
            string? functionId = null, runId = null, eventId = null, name = null, time = null, keys = null, history = null;
            PropagatedContext? trace = null;
            var attempts = 0;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                var property = reader.GetString();
                reader.Read();
                switch (property)
                {
                    case "f": functionId = reader.GetString(); break;
                    case "r": runId = reader.GetString(); break;
                    case "a": attempts = reader.GetInt32(); break;
                    case "i": eventId = reader.GetString(); break;
                    case "n": name = reader.GetString(); break;
                    case "t": time = reader.GetString(); break;
                    case "k": keys = reader.GetString(); break;
                    case "h": history = reader.GetString(); break;
                    case "x": trace = ReadTrace(ref reader); break;
                    case "p": trace ??= reader.GetString() is { } traceParent ? new PropagatedContext([new("traceparent", traceParent)]) : null; break;
                }
            }

            if (functionId is null || runId is null || eventId is null || name is null
                || !DateTimeOffset.TryParseExact(time, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var timestamp))
            {
                return null;
            }

            return new WaitingRun(functionId, runId, attempts, new WireEvent(eventId, name, timestamp, value.AsMemory(end + 1), trace), keys, history);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads the trace fields object <c>x</c>, leaving the reader on its end.</summary>
    private static PropagatedContext? ReadTrace(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var fields = new List<KeyValuePair<string, string>>(3);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.GetString()!;
            reader.Read();
            if (reader.GetString() is { } value)
            {
                fields.Add(new KeyValuePair<string, string>(field, value));
            }
        }

        return PropagatedContext.FromFields(fields);
    }
}
