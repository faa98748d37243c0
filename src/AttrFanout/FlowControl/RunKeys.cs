using System.Buffers;
using System.Text;
using System.Text.Json;

namespace AttrFanout.FlowControl;

/// <summary>
/// A run's flow-control keys, evaluated once at send and kept by the store with the run, so a changed handler never
/// re-keys runs already accepted. For each rule: <see cref="string.Empty"/> for an unkeyed rule's single bucket, the key's
/// text for a keyed rule, <see langword="null"/> when the function has no such rule or the key evaluated to null (exempt).
/// </summary>
public sealed record RunKeys
{
    /// <summary>Gets the bucket of the first concurrency limit.</summary>
    public string? Concurrency { get; init; }

    /// <summary>Gets the bucket of the second concurrency limit.</summary>
    public string? SecondConcurrency { get; init; }

    /// <summary>Gets the throttle's bucket.</summary>
    public string? Throttle { get; init; }

    /// <summary>Gets the rate limit's bucket.</summary>
    public string? RateLimit { get; init; }

    /// <summary>Gets the singleton's bucket.</summary>
    public string? Singleton { get; init; }

    /// <summary>Gets the key of the run's debounce or batch (<see cref="Triggers.DebounceRule"/>, <see cref="Triggers.BatchRule"/>).</summary>
    public string? Hold { get; init; }

    /// <summary>
    /// Gets the run's side of each <see cref="FunctionDescriptor.CancelOn"/> match, in the rules' order (<see langword="null"/>
    /// for a rule without <c>Match</c> or a null key); <see langword="null"/> when the function has no cancelling event.
    /// </summary>
    public IReadOnlyList<string?>? CancelMatches { get; init; }

    /// <summary>Gets the run's priority in seconds: positive runs ahead, negative behind.</summary>
    public int Priority { get; init; }

    /// <summary>Writes the keys as compact JSON, the form stores keep (a column, a header).</summary>
    /// <returns>The JSON text.</returns>
    public string Encode()
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            Write(writer, "c", Concurrency);
            Write(writer, "c2", SecondConcurrency);
            Write(writer, "t", Throttle);
            Write(writer, "r", RateLimit);
            Write(writer, "s", Singleton);
            Write(writer, "h", Hold);
            if (CancelMatches is { } matches)
            {
                writer.WriteStartArray("x");
                foreach (var match in matches)
                {
                    writer.WriteStringValue(match);
                }

                writer.WriteEndArray();
            }

            if (Priority != 0)
            {
                writer.WriteNumber("p", Priority);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads keys written by <see cref="Encode"/>.</summary>
    /// <param name="text">The JSON text.</param>
    /// <returns>The keys.</returns>
    /// <exception cref="FormatException">The text is not keys written by <see cref="Encode"/>.</exception>
    public static RunKeys Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
            var keys = new RunKeys();
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                Expect(reader.Read());
                keys = name switch
                {
                    "c" => keys with { Concurrency = reader.GetString() },
                    "c2" => keys with { SecondConcurrency = reader.GetString() },
                    "t" => keys with { Throttle = reader.GetString() },
                    "r" => keys with { RateLimit = reader.GetString() },
                    "s" => keys with { Singleton = reader.GetString() },
                    "p" => keys with { Priority = reader.GetInt32() },
                    "h" => keys with { Hold = reader.GetString() },
                    "x" => keys with { CancelMatches = ReadStrings(ref reader) },
                    _ => keys,
                };
            }

            Expect(reader.TokenType == JsonTokenType.EndObject);
            return keys;
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or FormatException)
        {
            throw new FormatException($"'{text}' is not a run's flow-control keys: {error.Message}", error);
        }
    }

    private static void Write(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static List<string?> ReadStrings(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray);
        var values = new List<string?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.GetString());
        }

        return values;
    }

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw new FormatException("unexpected JSON shape");
        }
    }
}
