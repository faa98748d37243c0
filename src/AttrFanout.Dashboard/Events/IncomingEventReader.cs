using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace AttrFanout.Dashboard.Events;

/// <summary>Reads a request body of one Inngest-shaped event or an array of them, without binding to any type.</summary>
internal static class IncomingEventReader
{
    private static readonly ReadOnlyMemory<byte> EmptyObject = "{}"u8.ToArray();

    public static IReadOnlyList<IncomingEvent> Read(ReadOnlyMemory<byte> body, int maxEvents, out EventRejection? rejection)
    {
        rejection = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException exception)
        {
            rejection = EventRejection.BadRequest($"The body is not valid JSON: {exception.Message}");
            return [];
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                return ReadOne(root, 0, out rejection) is { } single ? [single] : [];
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                rejection = EventRejection.BadRequest($"The body is a JSON {Describe(root.ValueKind)}: send one event {{ \"name\", \"data\", \"id\", \"ts\" }} or an array of them.");
                return [];
            }

            var count = root.GetArrayLength();
            if (count == 0)
            {
                rejection = EventRejection.BadRequest("The body is an empty array: send at least one event.");
                return [];
            }

            if (count > maxEvents)
            {
                rejection = EventRejection.TooLarge($"The body carries {count} events, over the limit of {maxEvents} per request. Send them in several requests.");
                return [];
            }

            var events = new List<IncomingEvent>(count);
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                if (ReadOne(element, index++, out rejection) is not { } one)
                {
                    return [];
                }

                events.Add(one);
            }

            return events;
        }
    }

    private static IncomingEvent? ReadOne(JsonElement element, int index, out EventRejection? rejection)
    {
        rejection = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            rejection = EventRejection.BadRequest($"Event {index} is a JSON {Describe(element.ValueKind)}, not an object {{ \"name\", \"data\", \"id\", \"ts\" }}.") with { Index = index };
            return null;
        }

        if (!element.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String || nameElement.GetString() is not { Length: > 0 } name)
        {
            rejection = EventRejection.BadRequest($"Event {index} has no \"name\": give the event name as a string, e.g. \"shop/order.placed\".") with { Index = index, Path = "name" };
            return null;
        }

        var data = EmptyObject;
        if (element.TryGetProperty("data", out var dataElement))
        {
            data = JsonMarshal.GetRawUtf8Value(dataElement).ToArray();
        }

        string? id = null;
        if (element.TryGetProperty("id", out var idElement) && idElement.ValueKind != JsonValueKind.Null)
        {
            if (idElement.ValueKind != JsonValueKind.String)
            {
                rejection = Field(index, name, "id", "\"id\" must be a string.");
                return null;
            }

            id = idElement.GetString();
        }

        DateTimeOffset? timestamp = null;
        if (element.TryGetProperty("ts", out var tsElement) && tsElement.ValueKind != JsonValueKind.Null)
        {
            timestamp = ReadTimestamp(tsElement);
            if (timestamp is null)
            {
                rejection = Field(index, name, "ts", "\"ts\" must be Unix time in milliseconds (a whole number, as Inngest sends it) or an ISO 8601 time with an offset, e.g. \"2026-12-06T13:45:00Z\".");
                return null;
            }
        }

        return new IncomingEvent(index, name, data, id, timestamp);
    }

    private static DateTimeOffset? ReadTimestamp(JsonElement ts)
    {
        if (ts.ValueKind == JsonValueKind.Number)
        {
            return ts.TryGetInt64(out var milliseconds) && milliseconds is >= 0 and <= 253_402_300_799_999
                ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
                : null;
        }

        return ts.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(ts.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : null;
    }

    private static EventRejection Field(int index, string name, string path, string problem) =>
        EventRejection.BadRequest($"Event {index} ('{name}'): {problem}") with { Index = index, Event = name, Path = path };

    private static string Describe(JsonValueKind kind) => kind.ToString().ToLowerInvariant();
}
