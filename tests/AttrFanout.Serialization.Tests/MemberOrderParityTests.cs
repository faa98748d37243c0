using AttrFanout.Serialization.Tests.Payloads;

namespace AttrFanout.Serialization.Tests;

/// <summary>Which members are written, and in which order, as System.Text.Json's generator writes them.</summary>
public sealed class MemberOrderParityTests
{
    [Fact]
    public void Json_property_order_decides_the_order_and_unordered_members_count_as_zero()
    {
        var json = Parity.AssertSameJson(new Ordered { Last = "c", Unordered = "u", First = "a", Middle = 2 });

        Assert.Equal("""{"First":"a","Unordered":"u","Middle":2,"Last":"c"}""", json);
    }

    [Fact]
    public void Derived_members_are_written_before_base_members()
    {
        var payload = new Derived { Amount = 3, Label = "l", CreatedBy = "new" };
        ((Audited)payload).CreatedBy = "base";

        Parity.AssertSameJson(payload);
    }

    [Fact]
    public void Properties_come_before_fields_and_public_fields_without_json_include_are_skipped()
    {
        var json = Parity.AssertSameJson(new WithFields { IncludedField = 1, PlainField = 2, Name = "n", OtherField = "o", Count = 3 });

        Assert.DoesNotContain("PlainField", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_positional_record_with_a_positional_base_and_an_init_property()
    {
        Parity.AssertSameJson(new Positional("erp", 2, "n") { Tags = ["a", "b"] });
        Parity.AssertSameJson(new Positional("erp", 2));
    }

    [Fact]
    public void Older_json_missing_members_reads_the_same_defaults()
    {
        Parity.AssertSameRead<Positional>("""{"Version":1,"Tags":["t"]}""");
        Parity.AssertSameRead<WithFields>("""{"PlainField":5,"Name":"x"}""");
        Parity.AssertSameRead<Ordered>("""{"Middle":1}""");
    }

    [Fact]
    public void An_init_member_missing_from_the_json_is_set_to_null_as_System_Text_Json_generated_code_sets_it()
    {
        var ours = Parity.Descriptor<Positional>().Deserialize("""{"Version":1}"""u8);
        var theirs = System.Text.Json.JsonSerializer.Deserialize("""{"Version":1}"""u8, Parity.SystemTextJson<Positional>())!;

        Assert.Null(theirs.Tags);
        Assert.Null(ours.Tags);
        Parity.AssertSameRead<Positional>("""{"Version":1}""");
    }
}
