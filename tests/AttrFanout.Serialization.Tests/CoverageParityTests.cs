using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using AttrFanout.Serialization.Tests.Payloads;

namespace AttrFanout.Serialization.Tests;

/// <summary>The types and attributes System.Text.Json's generator handles, handled the same way.</summary>
public sealed class CoverageParityTests
{
    [Fact]
    public void Dictionaries_keyed_by_guids_numbers_enums_and_dates()
    {
        Parity.AssertSameJson(new Keyed
        {
            ByGuid = new() { [Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff")] = 1 },
            ByNumber = new() { [-3] = "minus", [42] = "answer" },
            ByEnum = new() { [Shade.Dark] = "d", [(Shade)9] = "undefined" },
            Sorted = new() { [long.MaxValue] = "max", [1] = "one" },
            ByDay = new Dictionary<DateOnly, decimal> { [new DateOnly(2026, 12, 6)] = 1.5m },
            ByFlag = new() { [true] = 'y', [false] = '"' },
            ByLetter = new() { ['<'] = 0.5 },
            ByMoment = new() { [new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2))] = new Uri("https://example.com/?a=1&b=<") },
        });
    }

    [Fact]
    public void Immutable_and_other_framework_collections_and_key_value_pairs()
    {
        var linked = new LinkedList<int>();
        linked.AddLast(1);
        linked.AddLast(2);
        var json = Parity.AssertSameJson(new FrameworkCollections
        {
            Array = [1, 2, 3],
            List = ["a", "b"],
            ListInterface = ImmutableList.Create("c"),
            Dictionary = ImmutableDictionary<string, int>.Empty.Add("k", 1),
            HashSet = ["only"],
            SortedDictionary = ImmutableSortedDictionary<string, int>.Empty.Add("b", 2).Add("a", 1),
            Queue = new Queue<int>([1, 2]),
            Stack = new Stack<int>([7]),
            SortedSet = [3, 1, 2],
            Linked = linked,
            Observable = ["o"],
            Pair = new("key", 5),
            Pairs = [new("a", Shade.Dark)],
            Concurrent = new(new Dictionary<string, int> { ["c"] = 1 }),
            SortedList = new() { ["z"] = 26, ["a"] = 1 },
            Collection = [5, 6],
            ImmutableQueue = ImmutableQueue.Create(1, 2),
            ImmutableSortedSet = ["b", "a"],
            ImmutableSetInterface = ImmutableHashSet.Create(9),
            ImmutableDictionaryInterface = ImmutableDictionary<int, string>.Empty.Add(1, "one"),
        });

        Assert.Contains("\"Pair\":{\"Key\":\"key\",\"Value\":5}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Converters_on_members_and_types_and_number_handling()
    {
        var json = Parity.AssertSameJson(new Converted
        {
            Named = Shade.Dark,
            Flags = Access.Read | Access.Write,
            Text = 12,
            Price = new Money(12.5m, "EUR"),
            MaybePrice = new Money(1m, "USD"),
            Prices = [new Money(2m, "GBP")],
            Number = 7,
            Quoted = new Quoted { Big = long.MaxValue, Ratio = 0.25 },
        });

        Assert.Contains("\"Named\":\"Dark\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Price\":\"12.5 EUR\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Number\":\"7\"", json, StringComparison.Ordinal);
        Parity.AssertSameRead<Converted>("""{"Number":"8","Quoted":{"Big":"9","Ratio":1}}""");
    }

    [Fact]
    public void A_member_converter_stands_in_for_a_type_without_metadata_of_its_own()
    {
        var json = Parity.AssertSameJson(new Connected { Address = System.Net.IPAddress.Parse("10.0.0.1"), Gateway = null });

        Assert.Equal("""{"Address":"10.0.0.1","Gateway":null}""", json);
    }

    [Fact]
    public void Get_only_collections_with_populate_are_filled_in_place()
    {
        var payload = new Populated();
        payload.Tags.Add("t");
        payload.Basket.Items.Add("i");
        payload.Basket.Counts["c"] = 1;
        Parity.AssertSameJson(payload);

        var read = Parity.AssertSameRead<Populated>("""{"Tags":["a","b"],"Basket":{"Items":["x"],"Counts":{"k":2}}}""");

        Assert.Equal(["a", "b"], read.Tags);
        Assert.Equal(2, read.Basket.Counts["k"]);
    }

    [Fact]
    public void Unmapped_member_handling_disallow_rejects_unknown_members_both_ways()
    {
        Parity.AssertSameJson(new Strict("n"));
        var json = """{"Name":"n","Extra":1}"""u8.ToArray();

        Assert.Throws<System.Text.Json.JsonException>(() => JsonSerializer.Deserialize(json, Parity.SystemTextJson<Strict>()));
        var error = Assert.Throws<PayloadSerializationException>(() => Parity.Descriptor<Strict>().Deserialize(json));
        Assert.Contains("Extra", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Object_json_element_json_node_and_extension_data()
    {
        Parity.AssertSameJson(new Loose
        {
            Anything = "text",
            Bag = new() { ["s"] = "v", ["e"] = JsonDocument.Parse("[1,{\"a\":null}]").RootElement },
            Element = JsonDocument.Parse("{\"x\":1.50}").RootElement,
            Node = JsonNode.Parse("[true,\"\\u003c\"]"),
            Object = new JsonObject { ["n"] = 1 },
            Extra = new() { ["unknown"] = JsonDocument.Parse("3").RootElement },
        });
        var read = Parity.AssertSameRead<Loose>("""{"Anything":{"deep":[1]},"Bag":{"n":2},"Element":null,"stray":"kept","other":[1]}""");

        Assert.Equal(JsonValueKind.Object, ((JsonElement)read.Anything!).ValueKind);
        Assert.Equal(["stray", "other"], read.Extra!.Keys);
    }

    [Fact]
    public void Included_non_public_members_and_an_internal_json_constructor_are_written_the_same_way()
    {
        var payload = Included.Create("i-1", 100.50m, 7, "vip");
        var expected = JsonSerializer.Serialize(payload, Parity.SystemTextJson<Included>());

        var json = System.Text.Encoding.UTF8.GetString(Parity.Descriptor<Included>().Serialize(payload));

        Assert.Equal(expected, json);
        Assert.Equal("""{"Id":"i-1","Balance":100.50,"Internal":7,"Label":"vip"}""", json);
    }

    [Fact]
    public void An_included_private_setter_is_read_back_where_System_Text_Json_generated_code_throws()
    {
        var json = """{"Id":"i-1","Balance":100.50,"Internal":7,"Label":"vip"}"""u8.ToArray();

        var read = Parity.Descriptor<Included>().Deserialize(json);

        Assert.Equal(100.50m, read.Balance);
        Assert.Equal("i-1", read.Id);
        Assert.Equal("vip", read.Label);
        Assert.Throws<InvalidOperationException>(() => JsonSerializer.Deserialize(json, Parity.SystemTextJson<Included>()));
    }
}
