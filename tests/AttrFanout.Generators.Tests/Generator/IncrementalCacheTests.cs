using System.Collections;
using System.Reflection;
using AttrFanout.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AttrFanout.Generators.Tests.Generator;

public sealed class IncrementalCacheTests
{
    private static readonly string[] TrackedSteps =
        [TrackingNames.Functions, TrackingNames.Events, TrackingNames.Assembly, TrackingNames.Dispatch, TrackingNames.JsonResolver];

    [Fact]
    public void Running_twice_on_the_same_compilation_caches_every_step()
    {
        var compilation = TestCompilation.Create("Shop", Scenarios.Events, Scenarios.Handlers);
        var driver = TestCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.Clone());

        AssertAllCachedOrUnchanged(driver.GetRunResult());
    }

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = TestCompilation.Create("Shop", Scenarios.Events, Scenarios.Handlers);
        var driver = TestCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Shop.Other { public sealed class Unrelated { public int Value => 42; } }",
            TestCompilation.ParseOptions,
            path: "Unrelated.cs"));
        driver = driver.RunGenerators(edited);

        AssertAllCachedOrUnchanged(driver.GetRunResult());
    }

    [Fact]
    public void A_method_body_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = TestCompilation.Create("Shop", Scenarios.Events, Scenarios.Handlers);
        var driver = TestCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var handlers = compilation.SyntaxTrees.Single(t => t.ToString().Contains("class Welcome", StringComparison.Ordinal));
        var editedText = handlers.ToString().Replace(
            "public void Log(FunctionContext context, UserSignedUp signup) { }",
            "public void Log(FunctionContext context, UserSignedUp signup) { System.Console.WriteLine(signup.Email); }",
            StringComparison.Ordinal);
        Assert.NotEqual(handlers.ToString(), editedText);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(handlers, handlers.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(editedText))));

        AssertAllCachedOrUnchanged(driver.GetRunResult());
    }

    [Fact]
    public void Adding_a_handler_changes_the_dispatch_step()
    {
        var compilation = TestCompilation.Create("Shop", Scenarios.Events, Scenarios.Handlers);
        var driver = TestCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "public static class More { [AttrFanout.OnEvent(\"user/signup\", Id = \"more\")] public static void Handle(Shop.Events.UserSignedUp s) { } }",
            TestCompilation.ParseOptions,
            path: "More.cs")));

        var dispatch = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Dispatch];
        Assert.Contains(dispatch.SelectMany(static s => s.Outputs), static o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void No_step_output_holds_a_symbol_syntax_node_location_or_compilation()
    {
        var compilation = TestCompilation.Create("Shop", Scenarios.Events, Scenarios.Handlers);
        var result = TestCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation).GetRunResult().Results.Single();

        foreach (var name in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"Step '{name}' was not tracked.");
            foreach (var output in result.TrackedSteps[name].SelectMany(static s => s.Outputs))
            {
                AssertNoRoslynObjects(output.Value, $"{name} output", new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void AssertAllCachedOrUnchanged(GeneratorDriverRunResult runResult)
    {
        var result = runResult.Results.Single();
        foreach (var name in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"Step '{name}' was not tracked.");
            foreach (var (output, reason) in result.TrackedSteps[name].SelectMany(static s => s.Outputs))
            {
                Assert.True(
                    reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Step '{name}' produced {reason} for {output}.");
            }
        }
    }

    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or Location or Compilation or SemanticModel or SyntaxTree,
            $"{path} holds a {value.GetType().Name}, which would keep the compilation alive and defeat caching.");

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, $"{path}[{index++}]", visited);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", visited);
        }
    }
}
