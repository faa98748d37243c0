using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Sending;

[Event("tests/measure.note")]
public sealed partial record MeasuredNote(string Text, int[] Numbers, Dictionary<string, string>? Tags);

[Event("tests/measure.camel", JsonNaming = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
public sealed partial record MeasuredCamelNote(string LongMemberName, double Amount);

public sealed class PayloadMeasureTests
{
    public static TheoryData<string> Texts => new()
    {
        "",
        "plain",
        "quotes \" and \\ backslashes, <html> & 'apostrophes'",
        "ünïcödé, 日本語, emoji 🎉 and a control \u0001 character",
        new string('x', 20_000),
        string.Concat(Enumerable.Repeat("🎉<", 5_000)),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Measuring_a_payload_counts_exactly_the_bytes_serializing_writes(string text)
    {
        var events = Catalog();
        Assert.True(events.TryGetEvent("tests/measure.note", out var note));
        Assert.True(events.TryGetEvent("tests/measure.camel", out var camel));

        var payloads = new (EventDescriptor Event, object Payload)[]
        {
            (note, new MeasuredNote(text, [1, -2, int.MaxValue], new Dictionary<string, string> { ["k"] = text })),
            (note, new MeasuredNote(text, [], null)),
            (camel, new MeasuredCamelNote(text, 0.1 + 0.2)),
        };

        Assert.All(payloads, p => Assert.Equal(p.Event.SerializePayload(p.Payload).Length, p.Event.MeasurePayload(p.Payload)));
    }

    [Fact]
    public async Task A_payload_over_the_limit_is_refused_in_memory_with_its_size_as_serialized()
    {
        await using var services = new ServiceCollection().AddAttrFanout(o => o.MaxPayloadBytes = 1_000).BuildServiceProvider();
        var sender = services.GetRequiredService<IEventSender>();
        var payload = new MeasuredNote(new string('é', 600), [], null);
        var expected = Catalog().TryGetEvent("tests/measure.note", out var note) ? note.SerializePayload(payload).Length : -1;

        var refused = await Assert.ThrowsAsync<PayloadTooLargeException>(async () => await sender.SendAsync(payload));

        Assert.Equal(expected, refused.SizeBytes);
        Assert.Equal("tests/measure.note", refused.EventName);
    }

    private static FunctionCatalog Catalog() =>
        new ServiceCollection().AddAttrFanout().BuildServiceProvider().GetRequiredService<FunctionCatalog>();
}
