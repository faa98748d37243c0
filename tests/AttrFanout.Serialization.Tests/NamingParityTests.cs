using AttrFanout.Serialization.Tests.Payloads;

namespace AttrFanout.Serialization.Tests;

/// <summary><c>[Event(JsonNaming = ...)]</c> writes the names System.Text.Json writes under that <c>PropertyNamingPolicy</c>.</summary>
public sealed class NamingParityTests
{
    [Fact]
    public void Camel_case_renames_members_of_every_reached_type_but_not_explicit_names_dictionary_keys_or_enum_names()
    {
        var json = Parity.AssertSameJson(
            new CamelCased("o-1", new NamedLine { SkuCode = "s", URLCount = 2, Pair = new("k", 1) }, new() { ["KeepMe"] = 1 }, Stage.Published) { Explicit = "e" },
            CamelCaseParityContext.Default);

        Assert.Equal("""{"orderId":"o-1","line":{"skuCode":"s","urlCount":2,"pair":{"key":"k","value":1}},"keepKeys":{"KeepMe":1},"stage":"Published","Explicit_Name":"e"}""", json);
        Parity.AssertSameRead<CamelCased>("""{"orderId":"o-2","OrderId":"ignored","line":{"skuCode":"x"},"Explicit_Name":"x"}""", CamelCaseParityContext.Default);
    }

    [Fact]
    public void Snake_and_kebab_case_match_System_Text_Json()
    {
        var line = new NamedLine { SkuCode = "s", URLCount = 3 };

        var snake = Parity.AssertSameJson(new SnakeCased("o-1", line, "io"), SnakeCaseParityContext.Default);
        var kebab = Parity.AssertSameJson(new KebabCased("o-1", line), KebabCaseParityContext.Default);

        Assert.StartsWith("""{"order_id":"o-1","line":{"sku_code":"s","url_count":3""", snake, StringComparison.Ordinal);
        Assert.StartsWith("""{"ORDER-ID":"o-1","LINE":{"SKU-CODE":"s","URL-COUNT":3""", kebab, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_without_a_naming_policy_keep_the_csharp_names_although_they_share_types_with_renamed_ones()
    {
        var json = Parity.AssertSameJson(new Ordered { First = "a" });

        Assert.Contains("\"First\":\"a\"", json, StringComparison.Ordinal);
    }
}
