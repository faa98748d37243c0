using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Serialization.Tests;

/// <summary>Serializes a payload through AttrFanout's generated metadata and through System.Text.Json's generator, and compares.</summary>
internal static class Parity
{
    /// <summary>
    /// Asserts that both write the same bytes, and that what AttrFanout reads back from them is the same value (it writes
    /// the same bytes again, through both), then returns the JSON.
    /// </summary>
    public static string AssertSameJson<T>(T payload, JsonSerializerContext? reference = null)
        where T : notnull, IEventPayload
    {
        var descriptor = Descriptor<T>();
        var systemTextJson = SystemTextJson<T>(reference);
        var expected = JsonSerializer.SerializeToUtf8Bytes(payload, systemTextJson);

        var actual = descriptor.Serialize(payload);

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
        var ours = descriptor.Deserialize(actual);
        var theirs = JsonSerializer.Deserialize(actual, systemTextJson)!;
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(descriptor.Serialize(ours)));
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(theirs, systemTextJson)));
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(descriptor.Serialize(theirs)));
        return Encoding.UTF8.GetString(actual);
    }

    /// <summary>Reads <paramref name="json"/> through both and asserts both read the same value.</summary>
    public static T AssertSameRead<T>(string json, JsonSerializerContext? reference = null)
        where T : notnull, IEventPayload
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var systemTextJson = SystemTextJson<T>(reference);
        var ours = Descriptor<T>().Deserialize(bytes);
        var theirs = JsonSerializer.Deserialize(bytes, systemTextJson)!;
        Assert.Equal(
            Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(theirs, systemTextJson)),
            Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(ours, systemTextJson)));
        return ours;
    }

    /// <summary>The event's descriptor as the generated module registers it: the generated resolver and the event's naming policy.</summary>
    public static EventDescriptor<T> Descriptor<T>()
        where T : notnull, IEventPayload =>
        Catalog.TryGetEvent(T.EventName, out var descriptor)
            ? (EventDescriptor<T>)descriptor
            : throw new InvalidOperationException($"The module does not register '{T.EventName}'.");

    public static JsonTypeInfo<T> SystemTextJson<T>(JsonSerializerContext? reference = null) =>
        (JsonTypeInfo<T>)(reference ?? ParityContext.Default).GetTypeInfo(typeof(T))!;

    private static readonly FunctionCatalog Catalog = (FunctionCatalog)new ServiceCollection()
        .AddAttrFanout()
        .Single(static d => d.ServiceType == typeof(FunctionCatalog))
        .ImplementationInstance!;
}
