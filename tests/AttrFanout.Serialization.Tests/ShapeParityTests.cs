using AttrFanout.Serialization.Tests.Payloads;

namespace AttrFanout.Serialization.Tests;

/// <summary>Structs, constructors, required members, generic and recursive types, as System.Text.Json's generator handles them.</summary>
public sealed class ShapeParityTests
{
    [Fact]
    public void A_struct_payload_read_back_through_its_json_constructor_with_a_default_parameter()
    {
        Parity.AssertSameJson(new Sample(1.5, "s-1", 0));
        var read = Parity.AssertSameRead<Sample>("""{"Sensor":"s-2","Value":2}""");

        Assert.Equal(3, read.Retries);
    }

    [Fact]
    public void Required_members_generic_and_recursive_types()
    {
        Parity.AssertSameJson(new Shapes
        {
            Id = "x",
            Version = 2,
            Readings = new Page<Sample> { Items = [new Sample(1, "a")], Next = "n" },
            Names = new Page<string> { Items = ["n"] },
            Tree = new TreeNode("root", [new TreeNode("leaf", [])]),
            Latest = new Sample(0, "z"),
        });
    }

    [Theory]
    [InlineData("""{"Version":1}""")]
    [InlineData("""{"Id":"x"}""")]
    public void A_missing_required_member_fails_both_ways(string json)
    {
        Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize(json, Parity.SystemTextJson<Shapes>()));
        var error = Assert.Throws<PayloadSerializationException>(() => Parity.Descriptor<Shapes>().Deserialize(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Contains("missing required properties", error.Message, StringComparison.Ordinal);
    }
}
