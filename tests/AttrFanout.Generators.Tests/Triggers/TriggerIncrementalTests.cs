using AttrFanout.Generators.Tests.Generator;
using AttrFanout.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace AttrFanout.Generators.Tests.Triggers;

/// <summary>The trigger rules keep the pipeline cacheable, and follow the cancelling event's payload when it changes in another file.</summary>
public sealed class TriggerIncrementalTests
{
    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged_and_no_step_holds_a_roslyn_object()
    {
        var compilation = TestCompilation.Create("Shop", TriggerScenarios.Events, TriggerScenarios.Handlers);
        var driver = TestCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Shop.Other { public sealed class Unrelated { public int Value => 42; } }", TestCompilation.ParseOptions, path: "Unrelated.cs"));
        driver = driver.RunGenerators(edited);

        IncrementalCacheTests.AssertAllCachedOrUnchanged(driver.GetRunResult());
        IncrementalCacheTests.AssertNoRoslynObjectsInSteps(compilation);
    }

    [Fact]
    public void Changing_the_cancelling_payload_in_another_file_rereads_the_match()
    {
        var compilation = TestCompilation.Create(
            "Keys",
            "[AttrFanout.Event(\"user/deleted\")] public sealed partial record UserDeleted(string UserId);",
            "[AttrFanout.Event(\"user/signup\")] public sealed partial record UserSignedUp(string UserId);",
            "public static class H { [AttrFanout.OnEvent(\"user/signup\", Id = \"h\")] [AttrFanout.CancelOn(\"user/deleted\", Match = \"UserId\")] public static void Run(UserSignedUp s) { } }");
        var driver = TestCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var before = Module(driver.GetRunResult());

        var deleted = compilation.SyntaxTrees.First();
        var changed = compilation.ReplaceSyntaxTree(deleted, deleted.WithChangedText(SourceText.From(
            "[AttrFanout.Event(\"user/deleted\")] public sealed partial record UserDeleted(System.Guid UserId);")));
        var after = Module(driver.RunGenerators(changed).GetRunResult());

        Assert.Contains("CancellingKey = new global::AttrFanout.FlowControl.PayloadKey(\"UserId\", static p => ((global::UserDeleted)p).UserId)", before, StringComparison.Ordinal);
        Assert.DoesNotContain("\"h\",", after, StringComparison.Ordinal);
    }

    private static string Module(GeneratorDriverRunResult result) =>
        result.GeneratedTrees.Single(static t => t.FilePath.EndsWith("AttrFanoutModule.g.cs", StringComparison.Ordinal)).ToString();
}
