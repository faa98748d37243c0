using AttrFanout.Generators.Emit;

namespace AttrFanout.Generators.Tests.Generator;

/// <summary>Hint names Roslyn accepts for any legal type name, without two types sharing one.</summary>
public sealed class HintNameTests
{
    [Theory]
    [InlineData("global::Shop.Events.UserSignedUp", "Shop.Events.UserSignedUp.Event.g.cs")]
    [InlineData("global::Ping", "Ping.Event.g.cs")]
    public void A_plain_name_is_kept(string fqn, string expected) => Assert.Equal(expected, HintNames.ForType(fqn, ".Event.g.cs"));

    [Theory]
    [InlineData("global::Shop.@event.OrderPlaced")]
    [InlineData("global::Café.Bestellung")]
    [InlineData("global::Shop.Outer<int>.Inner")]
    public void Other_characters_are_replaced_and_a_hash_keeps_the_name_unique(string fqn)
    {
        var hint = HintNames.ForType(fqn, ".Event.g.cs");

        Assert.Matches(@"^[A-Za-z0-9_.]+_[0-9a-f]{8}\.Event\.g\.cs$", hint);
        Assert.Equal(hint, HintNames.ForType(fqn, ".Event.g.cs"));
    }

    [Fact]
    public void Names_that_differ_only_in_replaced_characters_get_different_hints() =>
        Assert.NotEqual(HintNames.ForType("global::Shop.@event.A", ".g.cs"), HintNames.ForType("global::Shop._event.A", ".g.cs"));

    [Fact]
    public void Names_that_differ_only_in_case_get_hints_unique_ignoring_case()
    {
        var hints = HintNames.ForTypes(["global::Shop.order", "global::Shop.Order", "global::Shop.Order"], ".Event.g.cs");

        Assert.Equal(2, hints.Count);
        Assert.Equal(("global::Shop.Order", "Shop.Order.Event.g.cs"), hints[0]);
        Assert.Matches(@"^Shop\.order_[0-9a-f]{8}\.Event\.g\.cs$", hints[1].HintName);
    }
}
