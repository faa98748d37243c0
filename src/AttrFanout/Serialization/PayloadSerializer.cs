using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AttrFanout;

/// <summary>Turns one event's payloads into UTF-8 JSON and back through the metadata of a resolver, never through reflection.</summary>
internal sealed class PayloadSerializer<TPayload>
    where TPayload : notnull
{
    private readonly string _eventName;
    private readonly IJsonTypeInfoResolver _resolver;
    private readonly JsonNamingPolicy? _namingPolicy;
    private JsonTypeInfo<TPayload>? _typeInfo;

    public PayloadSerializer(string eventName, IJsonTypeInfoResolver resolver, JsonNamingPolicy? namingPolicy = null)
    {
        _eventName = eventName;
        _resolver = resolver;
        _namingPolicy = namingPolicy;
    }

    public byte[] Serialize(TPayload payload)
    {
        var typeInfo = TypeInfo();
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(payload, typeInfo);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw Failure(exception.Message, exception, ReportedPath(exception) ?? PathOfWriteFailure(payload, typeInfo));
        }
    }

    /// <summary>
    /// Returns how many bytes <see cref="Serialize"/> would write, writing them nowhere; a payload that cannot be
    /// serialized fails as <see cref="Serialize"/> fails.
    /// </summary>
    public long Measure(TPayload payload)
    {
        var typeInfo = TypeInfo();
        var writer = PayloadMeasure.Writer(typeInfo.Options);
        try
        {
            JsonSerializer.Serialize(writer, payload, typeInfo);
            writer.Flush();
            return writer.BytesCommitted;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return Serialize(payload).Length;
        }
    }

    /// <summary>The path System.Text.Json names: a <see cref="JsonException"/>'s, or the one it appends to a <see cref="NotSupportedException"/>'s message.</summary>
    private static string? ReportedPath(Exception exception)
    {
        if (exception is JsonException { Path: { } path })
        {
            return path;
        }

        const string marker = " Path: ";
        var message = exception.Message;
        var start = message.LastIndexOf(marker, StringComparison.Ordinal);
        if (exception is not NotSupportedException || start < 0)
        {
            return null;
        }

        start += marker.Length;
        var end = message.IndexOf(' ', start);
        return (end < 0 ? message[start..] : message[start..end]).TrimEnd('.');
    }

    /// <summary>Serializes again into a buffer it can read after the failure, to name the member whose value was refused.</summary>
    private static string? PathOfWriteFailure(TPayload payload, JsonTypeInfo<TPayload> typeInfo)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer);
        try
        {
            JsonSerializer.Serialize(writer, payload, typeInfo);
            return null;
        }
        catch (Exception)
        {
            writer.Flush();
            return JsonWritePath.Of(buffer.WrittenSpan);
        }
    }

    public TPayload Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        var typeInfo = TypeInfo();
        TPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(utf8Json, typeInfo);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw Failure(exception.Message, exception, ReportedPath(exception));
        }

        return payload ?? throw Failure("the stored payload is JSON 'null'.");
    }

    private JsonTypeInfo<TPayload> TypeInfo()
    {
        if (_typeInfo is { } cached)
        {
            return cached;
        }

        var options = _resolver is JsonSerializerContext context
            ? context.Options
            : new JsonSerializerOptions { TypeInfoResolver = _resolver, PropertyNamingPolicy = _namingPolicy };
        JsonTypeInfo? typeInfo;
        try
        {
            options.MakeReadOnly();
            typeInfo = options.GetTypeInfo(typeof(TPayload));
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException)
        {
            throw Failure($"the resolver '{_resolver.GetType().FullName}' has no usable JSON metadata for the payload type: {exception.Message}", exception);
        }

        return _typeInfo = typeInfo as JsonTypeInfo<TPayload>
            ?? throw Failure($"the resolver '{_resolver.GetType().FullName}' has no JSON metadata for the payload type.");
    }

    private PayloadSerializationException Failure(string problem, Exception? inner = null, string? memberPath = null) =>
        new(_eventName, typeof(TPayload), problem, memberPath, inner);
}
