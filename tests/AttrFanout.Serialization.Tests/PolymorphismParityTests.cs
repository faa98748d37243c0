using AttrFanout.Serialization.Tests.Payloads;

namespace AttrFanout.Serialization.Tests;

/// <summary><c>[JsonPolymorphic]</c> and <c>[JsonDerivedType]</c>, written and read back as System.Text.Json's generator does.</summary>
public sealed class PolymorphismParityTests
{
    [Fact]
    public void Subtypes_are_written_with_their_discriminator_first_and_read_back_as_the_subtype()
    {
        var json = Parity.AssertSameJson(new Drawn(
            new Circle { Name = "c", Radius = 2 },
            [new Square { Name = "s", Side = 3 }, new Circle { Radius = 1 }],
            new Refund { Amount = 5, Reason = "late" },
            [new Payment { Amount = 1 }, new Refund { Amount = 2 }]));

        Assert.StartsWith("""{"Main":{"$kind":"circle","Radius":2,"Name":"c"}""", json, StringComparison.Ordinal);
        var read = Parity.Descriptor<Drawn>().Deserialize(System.Text.Encoding.UTF8.GetBytes(json));
        Assert.IsType<Square>(read.Shapes[0]);
        Assert.IsType<Refund>(read.Payment);
        Assert.IsType<Payment>(read.Payments[0]);
    }

    [Fact]
    public void An_interface_with_derived_types_is_written_and_read_back_as_the_implementation()
    {
        var json = Parity.AssertSameJson(new Notified(new EmailChannel { Target = "a@b", Html = true }, [new SmsChannel("+1", 2)]));

        Assert.Equal("""{"Primary":{"$type":"email","Target":"a@b","Html":true},"Fallbacks":[{"$type":"sms","Target":"\u002B1","Segments":2}]}""", json);
        Assert.IsType<SmsChannel>(Parity.Descriptor<Notified>().Deserialize(System.Text.Encoding.UTF8.GetBytes(json)).Fallbacks[0]);
    }

    [Fact]
    public void Json_without_a_discriminator_for_an_abstract_base_fails_as_a_payload_serialization_error()
    {
        var error = Assert.Throws<PayloadSerializationException>(() =>
            Parity.Descriptor<Drawn>().Deserialize("""{"Main":{"Name":"x"},"Shapes":[],"Payment":{"Amount":1},"Payments":[]}"""u8));

        Assert.Equal("parity/drawn", error.EventName);
        Assert.Equal("$.Main", error.MemberPath);
    }
}
