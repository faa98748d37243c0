using AttrFanout.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Tests.Triggers;

/// <summary>The debounce, batch and cancel-on rules the generator writes into function descriptors, and the batch invoker.</summary>
public sealed class TriggerSourceTests
{
    [Fact]
    public void Debounce_batch_and_cancel_on_generate_the_expected_descriptors_without_a_warning()
    {
        var input = TestCompilation.Create("Shop", TriggerScenarios.Events, TriggerScenarios.Handlers);

        var (output, result) = TestCompilation.RunGenerator(input);

        TestCompilation.AssertNoErrors(output);
        var warnings = output.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(warnings.Length == 0, string.Join(Environment.NewLine, warnings.Select(static w => w.ToString())));
        Snapshot.Match("Triggers", result);
    }

    [Fact]
    public void A_function_without_the_attributes_gets_none_of_their_properties()
    {
        var (_, result) = TestCompilation.RunGenerator(TestCompilation.Create("Shop", TriggerScenarios.Events, TriggerScenarios.Handlers));
        var module = result.GeneratedTrees.Single(static t => t.FilePath.EndsWith("AttrFanoutModule.g.cs", StringComparison.Ordinal)).ToString();

        var plain = module.Substring(module.IndexOf("Handler = \"Shop.Plain.Handle\",", StringComparison.Ordinal));
        plain = plain.Substring(0, plain.IndexOf("});", StringComparison.Ordinal));
        Assert.Equal("Handler = \"Shop.Plain.Handle\",\n", plain.ReplaceLineEndings("\n").TrimEnd(' '));
    }

    [Theory]
    [InlineData("[Batch(MaxSize = 0, TimeoutSeconds = 5)] public static void H(IReadOnlyList<Clicked> c) { }")]
    [InlineData("public static void H(IReadOnlyList<Clicked> c) { }")]
    [InlineData("[Batch(MaxSize = 5, TimeoutSeconds = 5)] public static void H(Clicked c) { }")]
    [InlineData("[Batch(MaxSize = 5, TimeoutSeconds = 5)] [Debounce(PeriodSeconds = 5)] public static void H(IReadOnlyList<Clicked> c) { }")]
    [InlineData("[CancelOn(\"user/deletd\")] public static void H(Clicked c) { }")]
    [InlineData("[CancelOn(\"user/deleted\", Match = \"Missing\")] public static void H(Clicked c) { }")]
    [InlineData("[Debounce(PeriodSeconds = 5, Key = \"Tenant\")] public static void H(Clicked c) { }")]
    public void A_function_whose_triggers_are_wrong_is_left_out_and_the_rest_still_compiles(string handler)
    {
        var input = TestCompilation.Create("Shop", TriggerScenarios.Events, $$"""
            using System.Collections.Generic;
            using AttrFanout;
            namespace Shop;
            public static class Broken
            {
                [OnEvent("ui/clicked", Id = "broken")]
                {{handler}}

                [OnEvent("ui/clicked", Id = "fine")]
                public static void Fine(Clicked click) { }
            }
            """);

        var (output, result) = TestCompilation.RunGenerator(input);

        TestCompilation.AssertNoErrors(output);
        var module = result.GeneratedTrees.Single(static t => t.FilePath.EndsWith("AttrFanoutModule.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("\"fine\",", module, StringComparison.Ordinal);
        Assert.DoesNotContain("\"broken\"", module, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelling_event_declared_in_a_referenced_project_is_matched_over_its_payload()
    {
        var library = TestCompilation.ToReference(TestCompilation.RunGenerator(TestCompilation.Create("Shop.Library", """
            using AttrFanout;
            namespace Shop.Library;
            [Event("order/cancelled")] public sealed partial record OrderCancelled(int Number, string Reason);
            """)).Output);
        var input = TestCompilation.Create("Shop.App", ["""
            using AttrFanout;
            namespace Shop.App;
            [Event("order/placed")] public sealed partial record OrderPlaced(int Number);
            public static class Shipping
            {
                [OnEvent("order/placed", Id = "ship")]
                [CancelOn("order/cancelled", Match = nameof(OrderPlaced.Number))]
                public static void Ship(OrderPlaced order) { }
            }
            """], [library]);

        var (output, result) = TestCompilation.RunGenerator(input);

        TestCompilation.AssertNoErrors(output);
        var module = result.GeneratedTrees.Single(static t => t.FilePath.EndsWith("AttrFanoutModule.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains(
            "CancellingKey = new global::AttrFanout.FlowControl.PayloadKey(\"Number\", static p => ((global::Shop.Library.OrderCancelled)p).Number.ToString(global::System.Globalization.CultureInfo.InvariantCulture))",
            module,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_of_events_with_a_nullable_payload_adds_no_warning_of_its_own()
    {
        var input = TestCompilation.Create("Shop", TriggerScenarios.Events, """
            using System.Collections.Generic;
            using AttrFanout;
            namespace Shop;
            public static class Loose
            {
                [OnEvent("ui/clicked", Id = "loose")]
                [Batch(MaxSize = 5, TimeoutSeconds = 5)]
                public static void Handle(IReadOnlyList<Event<Clicked?>> clicks) { }
            }
            """);

        var (output, result) = TestCompilation.RunGenerator(input);

        var generated = output.GetDiagnostics()
            .Where(static d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true)
            .ToArray();
        Assert.True(generated.Length == 0, string.Join(Environment.NewLine, generated.Select(static d => d.ToString())));
        Assert.Contains("\"loose\",", result.GeneratedTrees.Single(static t => t.FilePath.EndsWith("AttrFanoutModule.g.cs", StringComparison.Ordinal)).ToString(), StringComparison.Ordinal);
    }
}
