using System.Text;
using System.Text.Json;
using AttrFanout.Serialization.Tests.Payloads;

namespace AttrFanout.Serialization.Tests;

/// <summary>
/// Members missing from the JSON: what System.Text.Json's generator leaves in them (default options) is what AttrFanout
/// leaves in them. Each test reads through both and compares member by member, then pins System.Text.Json's own value:
/// an <c>init</c> member missing from the JSON is set to <c>default</c> (System.Text.Json's generator sets it in the
/// object initializer), a settable member keeps its initializer's value.
/// </summary>
public sealed class MissingMemberParityTests
{
    [Fact]
    public void A_class_with_a_parameterless_constructor_read_from_an_empty_object()
    {
        var (ours, theirs) = ReadBoth<DefaultsClass>("{}");

        Assert.Equal(theirs.Retries, ours.Retries);
        Assert.Equal(theirs.Note, ours.Note);
        Assert.Equal(theirs.Attempts, ours.Attempts);
        Assert.Equal(theirs.Label, ours.Label);
        Assert.Equal((0, (string?)null, 3, "set"), (theirs.Retries, (string?)theirs.Note, theirs.Attempts, theirs.Label));
        Parity.AssertSameRead<DefaultsClass>("{}");
    }

    [Fact]
    public void A_record_with_a_primary_constructor_read_without_its_other_members()
    {
        var (ours, theirs) = ReadBoth<DefaultsRecord>("""{"Id":"x"}""");

        Assert.Equal(theirs.Id, ours.Id);
        Assert.Equal(theirs.Retries, ours.Retries);
        Assert.Equal(theirs.Note, ours.Note);
        Assert.Equal(theirs.Attempts, ours.Attempts);
        Assert.Equal(theirs.Label, ours.Label);
        Assert.Equal((0, (string?)null, 3, "set"), (theirs.Retries, (string?)theirs.Note, theirs.Attempts, theirs.Label));
        Parity.AssertSameRead<DefaultsRecord>("""{"Id":"x"}""");
    }

    [Fact]
    public void A_class_with_a_required_member_read_without_its_other_members()
    {
        var (ours, theirs) = ReadBoth<DefaultsRequired>("""{"Id":"x"}""");

        Assert.Equal(theirs.Id, ours.Id);
        Assert.Equal(theirs.Retries, ours.Retries);
        Assert.Equal(theirs.Attempts, ours.Attempts);
        Assert.Equal((0, 3), (theirs.Retries, theirs.Attempts));
        Parity.AssertSameRead<DefaultsRequired>("""{"Id":"x"}""");
    }

    [Fact]
    public void Present_members_are_read_the_same_way()
    {
        Parity.AssertSameJson(new DefaultsClass { Retries = 5, Note = "n", Attempts = 6, Label = "l" });
        Parity.AssertSameJson(new DefaultsRecord("x") { Retries = 5, Note = "n", Attempts = 6, Label = "l" });
        Parity.AssertSameJson(new DefaultsRequired { Id = "x", Retries = 5, Attempts = 6 });
    }

    [Fact]
    public void An_included_private_init_is_read_back_and_keeps_its_initializer_when_missing_where_System_Text_Json_generated_code_throws_on_it()
    {
        var payload = DefaultsIncluded.Create("x", 5);
        Assert.Equal(JsonSerializer.Serialize(payload, Parity.SystemTextJson<DefaultsIncluded>()), Encoding.UTF8.GetString(Parity.Descriptor<DefaultsIncluded>().Serialize(payload)));

        Assert.Equal(5, Parity.Descriptor<DefaultsIncluded>().Deserialize("""{"Id":"x","Level":5}"""u8).Level);
        Assert.Equal(2, Parity.Descriptor<DefaultsIncluded>().Deserialize("""{"Id":"x"}"""u8).Level);
        Assert.Throws<InvalidOperationException>(() => JsonSerializer.Deserialize("""{"Id":"x","Level":5}"""u8, Parity.SystemTextJson<DefaultsIncluded>()));
    }

    private static (T Ours, T Theirs) ReadBoth<T>(string json)
        where T : notnull, IEventPayload
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return (Parity.Descriptor<T>().Deserialize(bytes), JsonSerializer.Deserialize(bytes, Parity.SystemTextJson<T>())!);
    }
}
