using System.Text.Json;

namespace AttrFanout;

/// <summary>
/// Finds where a serialization stopped from the JSON written before it failed: the path of the member whose value could not
/// be written, e.g. <c>$.Lines[1].Price</c>. System.Text.Json names the path in a <see cref="JsonException"/>, but not when the
/// writer itself refuses a value (NaN, an infinity: <see cref="ArgumentException"/>).
/// </summary>
internal static class JsonWritePath
{
    public static string Of(ReadOnlySpan<byte> partialJson)
    {
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(partialJson, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1] = frames[^1] with { Property = reader.GetString() };
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        if (frames.Count > 0 && frames[^1].IsArray)
                        {
                            frames[^1] = frames[^1] with { Elements = frames[^1].Elements + 1 };
                        }

                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, null, 0));
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // The partial JSON ends mid-token; the frames read so far still name the path.
        }

        return Format(frames);
    }

    /// <summary>Outer arrays name the element being written (the last one started); the innermost names the next one.</summary>
    private static string Format(List<Frame> frames)
    {
        var path = new System.Text.StringBuilder("$");
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            if (frame.IsArray)
            {
                path.Append('[').Append(i == frames.Count - 1 ? frame.Elements : frame.Elements - 1).Append(']');
            }
            else if (frame.Property is { } property)
            {
                path.Append('.').Append(property);
            }
        }

        return path.ToString();
    }

    private readonly record struct Frame(bool IsArray, string? Property, int Elements);
}
