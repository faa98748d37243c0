using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AttrFanout.Generated.Modules.AttrFanout.Serialization.Tests;

namespace AttrFanout.Serialization.Tests;

/// <summary>Serializes a payload through AttrFanout's generated metadata and through System.Text.Json's generator, and compares.</summary>
internal static class Parity
{
    /// <summary>
    /// Asserts that both write the same bytes, and that what AttrFanout reads back from them is the same value (it writes
    /// the same bytes again, through both), then returns the JSON.
    /// </summary>
    public static string AssertSameJson<T>(T payload)
        where T : notnull, IEventPayload
    {
        var descriptor = Descriptor<T>();
        var expected = JsonSerializer.SerializeToUtf8Bytes(payload, SystemTextJson<T>());

        var actual = descriptor.Serialize(payload);

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
        var ours = descriptor.Deserialize(actual);
        var theirs = JsonSerializer.Deserialize(actual, SystemTextJson<T>())!;
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(descriptor.Serialize(ours)));
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(theirs, SystemTextJson<T>())));
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(descriptor.Serialize(theirs)));
        return Encoding.UTF8.GetString(actual);
    }

    /// <summary>Reads <paramref name="json"/> through both and asserts both read the same value.</summary>
    public static T AssertSameRead<T>(string json)
        where T : notnull, IEventPayload
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var ours = Descriptor<T>().Deserialize(bytes);
        var theirs = JsonSerializer.Deserialize(bytes, SystemTextJson<T>())!;
        Assert.Equal(
            Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(theirs, SystemTextJson<T>())),
            Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(ours, SystemTextJson<T>())));
        return ours;
    }

    public static EventDescriptor<T> Descriptor<T>()
        where T : notnull, IEventPayload =>
        new(T.EventName, AttrFanoutJsonResolver.Instance);

    public static JsonTypeInfo<T> SystemTextJson<T>() =>
        (JsonTypeInfo<T>)ParityContext.Default.GetTypeInfo(typeof(T))!;
}
