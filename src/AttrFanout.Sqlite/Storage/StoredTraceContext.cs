using System.Buffers;
using System.Text;
using System.Text.Json;
using AttrFanout.Stores;

namespace AttrFanout.Sqlite.Storage;

/// <summary>
/// A send's trace context as the <c>events</c> table keeps it: its propagated fields as one JSON object, by name, in
/// <c>trace_context</c>. A row written before that column existed has only the W3C <c>trace_parent</c>, read as the
/// context's one <c>traceparent</c> field.
/// </summary>
internal static class StoredTraceContext
{
    private const string LegacyField = "traceparent";

    public static string? ToStored(PropagatedContext? context)
    {
        if (context is null)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in context.Fields)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads the context from <c>coalesce(trace_context, trace_parent)</c>: a JSON object, or a bare W3C traceparent.</summary>
    public static PropagatedContext? FromStored(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        if (stored[0] != '{')
        {
            return new PropagatedContext([new KeyValuePair<string, string>(LegacyField, stored)]);
        }

        var fields = new List<KeyValuePair<string, string>>(3);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(stored));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                fields.Add(new KeyValuePair<string, string>(name, reader.GetString()!));
            }
        }

        return PropagatedContext.FromFields(fields);
    }
}
