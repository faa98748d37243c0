using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Serialization;

/// <summary>Compiles the payload scenario with the generator and runs the generated JSON metadata through the real module registration.</summary>
public sealed class RoundTripTests : IClassFixture<RoundTripTests.Fixture>
{
    private readonly LoadedAssembly _payloads;

    public RoundTripTests(Fixture fixture) => _payloads = fixture.Payloads;

    [Fact]
    public void A_record_with_nested_types_collections_nullable_enum_and_attributes_round_trips_to_the_expected_json()
    {
        Assert.Equal(
            """{"OrderId":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","PlacedAt":"2026-11-28T04:30:00+01:00","Total":19.99,"Customer":{"Name":"Ada","Email":null,"Address":{"City":"London","Country":"FR","Zip":"N1"},"Roles":["admin","buyer"]},"Lines":[{"Sku":"sku-1","Quantity":1,"Price":9.99},{"Sku":"sku-2","Quantity":2,"Price":5}],"Priority":0,"Coupon":7,"Tags":{"source":"web"},"note_text":"leave at the door"}""",
            _payloads.Probe("RoundTrip", "shop/order.placed"));
    }

    [Fact]
    public void A_class_with_every_supported_collection_and_value_type_round_trips_to_the_expected_json()
    {
        Assert.Equal(
            """{"Skus":["a","b"],"Counts":[1,2],"Ids":[3],"Refs":["00000000-0000-0000-0000-000000000000"],"Priorities":[1],"Labels":["x"],"Slots":[4],"Levels":{"p":1},"Stock":{"s":5},"Grid":[[1,2],[3]],"Blob":"AQID","At":"2026-01-02T03:04:05Z","Duration":"01:30:00","Day":"2026-11-28","Time":"06:15:00","Link":"https://example.com/a","Flag":true,"Ratio":0.5,"Letter":"z","Maybe":null,"Tree":{"Name":"root","Children":[{"Name":"leaf","Children":[]}]},"Source":"erp","State":"Shipped"}""",
            _payloads.Probe("RoundTrip", "catalog/updated"));
    }

    [Fact]
    public void A_payload_with_a_json_context_is_serialized_by_that_context()
    {
        Assert.Equal("""{"Anything":42}""", _payloads.Probe("RoundTrip", "legacy/imported"));
    }

    [Fact]
    public void A_payload_the_generator_cannot_handle_is_registered_without_a_serializer_and_fails_clearly()
    {
        Assert.False((bool)_payloads.Probe("CanSerialize", "misc/untyped")!);
        Assert.True((bool)_payloads.Probe("CanSerialize", "shop/order.placed")!);

        var error = Assert.Throws<PayloadSerializationException>(() => _payloads.Probe("Serialize", "misc/untyped"));

        Assert.Equal("misc/untyped", error.EventName);
        Assert.Contains("Payloads.Untyped", error.Message, StringComparison.Ordinal);
        Assert.Contains("without a JSON metadata resolver", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oops", "'o' is an invalid start of a value")]
    [InlineData("", "The input does not contain any JSON tokens")]
    [InlineData("null", "the stored payload is JSON 'null'")]
    [InlineData("""{"Total":"cheap"}""", "$.Total")]
    [InlineData("""{"Customer":{"Email":"a@b"}}""", "missing required properties")]
    [InlineData("""{"Lines":{"Sku":"x"}}""", "$.Lines")]
    public void An_undeserializable_payload_throws_an_exception_naming_the_event_the_type_and_the_problem(string json, string problem)
    {
        var error = Assert.Throws<PayloadSerializationException>(() => _payloads.Probe("Deserialize", "shop/order.placed", json));

        Assert.Equal("shop/order.placed", error.EventName);
        Assert.Equal("Payloads.OrderPlaced", error.PayloadType.FullName);
        Assert.StartsWith("The payload of event 'shop/order.placed' (Payloads.OrderPlaced) cannot be serialized or deserialized", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        if (problem.StartsWith("$.", StringComparison.Ordinal))
        {
            Assert.Equal(problem, error.MemberPath);
        }

        if (json != "null")
        {
            Assert.NotNull(error.InnerException);
        }
    }

    [Fact]
    public void Members_missing_from_older_json_are_read_as_System_Text_Json_reads_them()
    {
        var payload = _payloads.Probe("Deserialize", "shop/order.placed", """{"Total":1.5}""")!;

        // An init member is set in the object initializer, to default; settable and ignored members keep their initializers.
        Assert.Equal("Low", payload.GetType().GetProperty("Priority")!.GetValue(payload)!.ToString());
        Assert.NotNull(payload.GetType().GetProperty("Tags")!.GetValue(payload));
        Assert.Equal("kept out", payload.GetType().GetProperty("Secret")!.GetValue(payload));
        Assert.Equal(1.5m, payload.GetType().GetProperty("Total")!.GetValue(payload));
    }

    [Fact]
    public void A_missing_json_required_member_fails_deserialization()
    {
        var error = Assert.Throws<PayloadSerializationException>(() => _payloads.Probe("Deserialize", "catalog/updated", "{}"));

        Assert.Contains("Source", error.Message, StringComparison.Ordinal);
    }

    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            var input = TestCompilation.Create("Payloads", PayloadScenarios.Supported, PayloadScenarios.EscapeHatches, PayloadScenarios.Probe);
            Payloads = SerializationHarness.Load(SerializationHarness.Generate(input));
        }

        internal LoadedAssembly Payloads { get; }

        public void Dispose() => Payloads.Dispose();
    }
}
