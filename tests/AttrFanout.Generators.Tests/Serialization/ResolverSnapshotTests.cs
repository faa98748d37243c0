using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Serialization;

public sealed class ResolverSnapshotTests
{
    [Fact]
    public void The_payload_set_generates_the_expected_resolver_and_registrations()
    {
        var input = TestCompilation.Create("Payloads", PayloadScenarios.Supported, PayloadScenarios.EscapeHatches);

        var result = TestCompilation.CreateDriver().RunGenerators(input).GetRunResult();

        Assert.Empty(result.Diagnostics);
        SerializationHarness.Generate(input);
        Snapshot.Match("Payloads", result);
    }

    [Fact]
    public void Member_order_converters_number_handling_extension_data_included_members_and_framework_collections_generate_the_expected_resolver()
    {
        var input = TestCompilation.Create("MemberKinds", PayloadScenarios.MemberKinds);

        var result = TestCompilation.CreateDriver().RunGenerators(input).GetRunResult();

        Assert.Empty(result.Diagnostics);
        SerializationHarness.Generate(input);
        Snapshot.Match("MemberKinds", result);
    }

    [Fact]
    public void An_event_with_a_naming_policy_is_registered_with_that_policy_and_others_without()
    {
        var input = TestCompilation.Create("Named", """
            using System.Text.Json.Serialization;
            using AttrFanout;

            [Event("js/order.placed", JsonNaming = JsonKnownNamingPolicy.CamelCase)]
            public sealed partial record OrderPlaced(string OrderId);

            [Event("js/order.shipped", JsonNaming = JsonKnownNamingPolicy.Unspecified)]
            public sealed partial record OrderShipped(string OrderId);
            """);

        var (output, result) = TestCompilation.RunGenerator(input);

        TestCompilation.AssertNoErrors(output);
        var module = result.GeneratedTrees.Single(static t => t.FilePath.EndsWith("AttrFanoutModule.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("(\"js/order.placed\", global::AttrFanout.Generated.Modules.Named.AttrFanoutJsonResolver.Instance, global::System.Text.Json.JsonNamingPolicy.CamelCase));", module, StringComparison.Ordinal);
        Assert.Contains("(\"js/order.shipped\", global::AttrFanout.Generated.Modules.Named.AttrFanoutJsonResolver.Instance));", module, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assembly_naming_default_applies_to_events_without_their_own_json_naming()
    {
        var input = TestCompilation.Create("Defaulted", """
            using System.Text.Json.Serialization;
            using AttrFanout;

            [assembly: EventJsonNaming(JsonKnownNamingPolicy.SnakeCaseLower)]

            [Event("js/order.placed")]
            public sealed partial record OrderPlaced(string OrderId);

            [Event("js/order.shipped", JsonNaming = JsonKnownNamingPolicy.Unspecified)]
            public sealed partial record OrderShipped(string OrderId);

            [Event("js/order.paid", JsonNaming = JsonKnownNamingPolicy.KebabCaseUpper)]
            public sealed partial record OrderPaid(string OrderId);
            """);

        var (output, result) = TestCompilation.RunGenerator(input);

        TestCompilation.AssertNoErrors(output);
        var module = result.GeneratedTrees.Single(static t => t.FilePath.EndsWith("AttrFanoutModule.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("(\"js/order.placed\", global::AttrFanout.Generated.Modules.Defaulted.AttrFanoutJsonResolver.Instance, global::System.Text.Json.JsonNamingPolicy.SnakeCaseLower));", module, StringComparison.Ordinal);
        Assert.Contains("(\"js/order.shipped\", global::AttrFanout.Generated.Modules.Defaulted.AttrFanoutJsonResolver.Instance));", module, StringComparison.Ordinal);
        Assert.Contains("(\"js/order.paid\", global::AttrFanout.Generated.Modules.Defaulted.AttrFanoutJsonResolver.Instance, global::System.Text.Json.JsonNamingPolicy.KebabCaseUpper));", module, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_events_without_a_json_context_and_without_unsupported_members_reach_the_resolver()
    {
        var input = TestCompilation.Create("Payloads", PayloadScenarios.Supported, PayloadScenarios.EscapeHatches);

        var sources = TestCompilation.CreateDriver().RunGenerators(input).GetRunResult().GeneratedTrees
            .ToDictionary(static t => Path.GetFileName(t.FilePath), static t => t.ToString());

        var resolver = sources["AttrFanoutJsonResolver.g.cs"];
        Assert.Contains("typeof(global::Payloads.OrderPlaced)", resolver, StringComparison.Ordinal);
        Assert.DoesNotContain("LegacyImported", resolver, StringComparison.Ordinal);
        Assert.DoesNotContain("Untyped", resolver, StringComparison.Ordinal);
        Assert.DoesNotContain("typeof(object)", resolver, StringComparison.Ordinal);
        var module = sources["AttrFanoutModule.g.cs"];
        Assert.Contains("(\"legacy/imported\", global::Payloads.LegacyJsonContext.Default)", module, StringComparison.Ordinal);
        Assert.Contains("EventDescriptor<global::Payloads.Untyped>(\"misc/untyped\"));", module, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_context_that_is_not_a_serializer_context_leaves_the_event_without_a_serializer_and_the_code_compiling()
    {
        var input = TestCompilation.Create("Wrong", """
            using AttrFanout;

            public sealed class NotAContext { }

            [Event("legacy/imported", JsonContext = typeof(NotAContext))]
            public sealed partial record LegacyImported(string Name);
            """);

        var (output, result) = TestCompilation.RunGenerator(input);

        TestCompilation.AssertNoErrors(output);
        var module = result.GeneratedTrees.Single(static t => t.FilePath.EndsWith("AttrFanoutModule.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("EventDescriptor<global::LegacyImported>(\"legacy/imported\"));", module, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_whose_payloads_all_use_a_json_context_gets_no_resolver()
    {
        var input = TestCompilation.Create("Legacy", """
            using System.Text.Json.Serialization;
            using AttrFanout;

            [Event("legacy/imported", JsonContext = typeof(LegacyJsonContext))]
            public sealed partial record LegacyImported(object Anything);

            [JsonSerializable(typeof(LegacyImported))]
            public partial class LegacyJsonContext : JsonSerializerContext;
            """);

        var result = TestCompilation.CreateDriver().RunGenerators(input).GetRunResult();

        Assert.DoesNotContain(result.GeneratedTrees, static t => t.FilePath.EndsWith("AttrFanoutJsonResolver.g.cs", StringComparison.Ordinal));
        SerializationHarness.Generate(input);
    }
}
