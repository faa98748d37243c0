using AttrFanout.Serialization.Tests.Payloads;

namespace AttrFanout.Serialization.Tests;

/// <summary>Every serialization failure is a <see cref="PayloadSerializationException"/> naming the event and the member path.</summary>
public sealed class FailureTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_non_finite_number_in_a_nested_list_names_the_event_and_the_member(double value)
    {
        var payload = new Measured([new Reading("a", 1), new Reading("b", value)], 1, []);

        var error = Assert.Throws<PayloadSerializationException>(() => Parity.Descriptor<Measured>().Serialize(payload));

        Assert.Equal("parity/measured", error.EventName);
        Assert.Equal("$.Readings[1].Value", error.MemberPath);
        Assert.Contains("at '$.Readings[1].Value'", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ArgumentException>(error.InnerException);
    }

    [Fact]
    public void A_non_finite_number_at_the_top_level_or_in_a_dictionary_names_the_member()
    {
        var top = Assert.Throws<PayloadSerializationException>(() => Parity.Descriptor<Measured>().Serialize(new Measured([new Reading("a", 1)], double.NaN, [])));
        var keyed = Assert.Throws<PayloadSerializationException>(() => Parity.Descriptor<Measured>().Serialize(new Measured([], 0, new() { ["ok"] = 1, ["bad"] = float.NaN })));

        Assert.Equal("$.Total", top.MemberPath);
        Assert.Equal("$.Peaks.bad", keyed.MemberPath);
    }

    [Fact]
    public void A_cycle_names_the_event_and_the_path_where_it_was_detected()
    {
        var payload = new Nulls();
        payload.Child = payload;

        var error = Assert.Throws<PayloadSerializationException>(() => Parity.Descriptor<Nulls>().Serialize(payload));

        Assert.Equal("parity/nulls", error.EventName);
        Assert.StartsWith("$.Child.Child.", error.MemberPath, StringComparison.Ordinal);
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_graph_deeper_than_the_maximum_depth_fails_the_same_way()
    {
        var payload = new Nulls();
        for (var i = 0; i < 70; i++)
        {
            payload = new Nulls { Child = payload };
        }

        var error = Assert.Throws<PayloadSerializationException>(() => Parity.Descriptor<Nulls>().Serialize(payload));

        Assert.Equal("parity/nulls", error.EventName);
        Assert.Contains("depth", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.MemberPath);
    }

    [Fact]
    public void Json_of_the_wrong_shape_names_the_member_it_stopped_at()
    {
        var error = Assert.Throws<PayloadSerializationException>(() =>
            Parity.Descriptor<Measured>().Deserialize("""{"Readings":[{"Sensor":"a","Value":"high"}]}"""u8));

        Assert.Equal("$.Readings[0].Value", error.MemberPath);
    }
}
