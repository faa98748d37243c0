using AttrFanout.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Tests.FlowControl;

/// <summary>The flow-control rules the generator writes into function descriptors: key accessors, priority, scopes.</summary>
public sealed class FlowControlSourceTests
{
    [Fact]
    public void Every_attribute_and_kind_of_key_generates_the_expected_rules()
    {
        var input = TestCompilation.Create("Ai", FlowScenarios.Events, FlowScenarios.Handlers);

        var (output, result) = TestCompilation.RunGenerator(input);

        TestCompilation.AssertNoErrors(output);
        AssertNoWarningsInGeneratedCode(output, input);
        Snapshot.Match("FlowControl", result);
    }

    [Fact]
    public void A_function_without_rules_gets_no_FlowControl_and_one_with_scopes_records_them_for_referencing_projects()
    {
        var (_, result) = TestCompilation.RunGenerator(TestCompilation.Create("Ai", FlowScenarios.Events, FlowScenarios.Handlers));
        var module = Module(result);

        var plain = module.Substring(module.IndexOf("Handler = \"Ai.Summaries.Plain\",", StringComparison.Ordinal));
        Assert.DoesNotContain("FlowControl", plain.Substring(0, plain.IndexOf("});", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("""FanoutFunctionAttribute("translate", "ai/summarize", "Ai.Summaries.Translate", ConcurrencyScopes = new[] { "openai=50" })""", module, StringComparison.Ordinal);
        Assert.Contains("""FanoutFunctionAttribute("plain", "ai/summarize", "Ai.Summaries.Plain")]""", module, StringComparison.Ordinal);
    }

    [Fact]
    public void A_function_whose_rules_cannot_be_resolved_is_still_generated_without_them()
    {
        var input = TestCompilation.Create("Ai", FlowScenarios.Events, """
            using AttrFanout;
            namespace Ai;
            public static class Broken
            {
                [OnEvent("ai/summarize", Id = "unknown-key")]
                [Concurrency(5, Key = "Acount.Id")]
                public static void UnknownKey(SummarizeRequested request) { }

                [OnEvent("ai/summarize", Id = "bad-priority")]
                [Priority("Missing")]
                public static void BadPriority(SummarizeRequested request) { }

                [OnEvent("ai/summarize", Id = "blank-scope")]
                [Concurrency(5, Scope = "")]
                public static void BlankScope(SummarizeRequested request) { }

                [OnEvent("ai/summarize", Id = "blank-priority")]
                [Concurrency(3)]
                [Priority(" ")]
                public static void BlankPriority(SummarizeRequested request) { }

                [OnEvent("ai/summarize", Id = "fine")]
                [Concurrency(5, Key = nameof(SummarizeRequested.AccountId))]
                public static void Fine(SummarizeRequested request) { }
            }
            """);

        var (output, result) = TestCompilation.RunGenerator(input);

        TestCompilation.AssertNoErrors(output);
        var module = Module(result);
        Assert.Contains("\"unknown-key\",", module, StringComparison.Ordinal);
        Assert.Contains("\"bad-priority\",", module, StringComparison.Ordinal);
        Assert.Contains("\"blank-scope\",", module, StringComparison.Ordinal);
        Assert.Contains("\"blank-priority\",", module, StringComparison.Ordinal);
        Assert.Single(AllIndexes(module, "FlowControl = "));
        Assert.DoesNotContain("Acount", module, StringComparison.Ordinal);
        Assert.DoesNotContain("Missing", module, StringComparison.Ordinal);
        Assert.DoesNotContain("Scope = ", module, StringComparison.Ordinal);
        Assert.DoesNotContain("ConcurrencyScopes", module, StringComparison.Ordinal);
    }

    private static string Module(GeneratorDriverRunResult result) =>
        result.GeneratedTrees.Single(static t => t.FilePath.EndsWith("AttrFanoutModule.g.cs", StringComparison.Ordinal)).ToString();

    private static IEnumerable<int> AllIndexes(string text, string value)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }

    private static void AssertNoWarningsInGeneratedCode(Compilation output, Compilation input)
    {
        var generated = output.SyntaxTrees.Except(input.SyntaxTrees).ToHashSet();
        var warnings = output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generated.Contains(tree))
            .ToArray();
        Assert.True(warnings.Length == 0, string.Join(Environment.NewLine, warnings.Select(static w => w.ToString())));
    }
}
