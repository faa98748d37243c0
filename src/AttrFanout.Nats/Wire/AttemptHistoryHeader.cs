using System.Buffers;
using System.Text;
using System.Text.Json;

namespace AttrFanout.Nats.Wire;

/// <summary>
/// Carries a run's attempts with the run between its attempts (the retry bucket entry, the header of the message that
/// delivers it again) and into its dead letter: one line of JSON, ASCII only, bounded to the latest <see cref="Limit"/>
/// attempts with each stack trace and message cut to <see cref="TextLimit"/> characters, so it always fits in a header.
/// </summary>
internal static class AttemptHistoryHeader
{
    /// <summary>The header that carries the attempts.</summary>
    public const string Name = "AttrFanout-Attempt-History";

    /// <summary>How many of a run's latest attempts travel with it.</summary>
    public const int Limit = 10;

    /// <summary>The most characters of an attempt's stack trace, and of its message, that travel with it.</summary>
    public const int TextLimit = 2 * 1024;

    /// <summary>The history with <paramref name="attempt"/> last, the oldest let go beyond <see cref="Limit"/>.</summary>
    public static IReadOnlyList<RunAttempt> Append(IReadOnlyList<RunAttempt> history, RunAttempt? attempt)
    {
        if (attempt is null)
        {
            return history;
        }

        var kept = Math.Min(history.Count, Limit - 1);
        var appended = new RunAttempt[kept + 1];
        for (var i = 0; i < kept; i++)
        {
            appended[i] = history[history.Count - kept + i];
        }

        appended[kept] = attempt;
        return appended;
    }

    /// <summary>Writes the history as one line of JSON; <see langword="null"/> for none.</summary>
    public static string? Encode(IReadOnlyList<RunAttempt> history)
    {
        if (history.Count == 0)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var attempt in history)
            {
                json.WriteStartObject();
                json.WriteNumber("n", attempt.Number);
                json.WriteString("s", HeaderText.Time(attempt.StartedAt));
                json.WriteString("e", HeaderText.Time(attempt.EndedAt));
                json.WriteNumber("o", (int)attempt.Outcome);
                WriteIfSet(json, "t", attempt.ErrorType);
                WriteIfSet(json, "m", RunAttempt.Bound(attempt.ErrorMessage, TextLimit));
                WriteIfSet(json, "x", RunAttempt.Bound(attempt.StackTrace, TextLimit));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.ASCII.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads what <see cref="Encode"/> wrote; empty for nothing or anything unreadable.</summary>
    public static IReadOnlyList<RunAttempt> Decode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        try
        {
            var history = new List<RunAttempt>();
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return [];
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                if (ReadAttempt(ref reader) is { } attempt)
                {
                    history.Add(attempt);
                }
            }

            return history;
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or FormatException)
        {
            return [];
        }
    }

    private static RunAttempt? ReadAttempt(ref Utf8JsonReader reader)
    {
        int number = 0, outcome = 0;
        string? started = null, ended = null, type = null, message = null, stack = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "n": number = reader.GetInt32(); break;
                case "s": started = reader.GetString(); break;
                case "e": ended = reader.GetString(); break;
                case "o": outcome = reader.GetInt32(); break;
                case "t": type = reader.GetString(); break;
                case "m": message = reader.GetString(); break;
                case "x": stack = reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }

        if (number < 1 || started is null || ended is null || !Enum.IsDefined((RunAttemptOutcome)outcome)
            || !HeaderText.TryParseTime(started, out var startedAt) || !HeaderText.TryParseTime(ended, out var endedAt))
        {
            return null;
        }

        return new RunAttempt(number, startedAt, endedAt, (RunAttemptOutcome)outcome) { ErrorType = type, ErrorMessage = message, StackTrace = stack };
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
