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
    public void Unrelated_and_method_body_edits_leave_every_step_cached_or_unchanged_with_rich_payloads()
    {
        const string Node = "public sealed class Node\n    {";
        var payloads = Serialization.PayloadScenarios.Supported.Replace(Node, Node + "\n        public int Depth() => 0;", StringComparison.Ordinal);
        const string Handler = "public static class Audit { [AttrFanout.OnEvent(\"shop/order.placed\", Id = \"audit\")] public static void Record(Payloads.OrderPlaced order) { } }";
        var compilation = TestCompilation.Create("Payloads", payloads, Serialization.PayloadScenarios.EscapeHatches, Handler);
        var driver = TestCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.First();
        var edited = compilation
            .ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(tree.ToString().Replace("Depth() => 0;", "Depth() => 1;", StringComparison.Ordinal))))
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("public sealed class Unrelated { public object? Value { get; set; } }", TestCompilation.ParseOptions, path: "Unrelated.cs"));
        driver = driver.RunGenerators(edited);

        AssertAllCachedOrUnchanged(driver.GetRunResult());
    }

    [Fact]
    public void Adding_a_member_to_a_nested_payload_type_changes_the_json_resolver_step()
    {
        var compilation = TestCompilation.Create("Payloads", Serialization.PayloadScenarios.Supported);
        var driver = TestCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.Single();
        var text = tree.ToString().Replace("public string? Email { get; set; }", "public string? Email { get; set; }\n public int Age { get; set; }", StringComparison.Ordinal);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text))));

        var steps = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.JsonResolver];
        Assert.Contains(steps.SelectMany(static s => s.Outputs), static o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void Renaming_a_member_of_a_nested_type_in_another_file_updates_the_resolver()
    {
        var compilation = TestCompilation.Create(
            "Split",
            "[AttrFanout.Event(\"split/happened\")] public sealed partial record Happened(Detail Detail);",
            "public sealed class Detail { public string Before { get; set; } = \"\"; }");
        var driver = TestCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var detail = compilation.SyntaxTrees.Last();
        var renamed = compilation.ReplaceSyntaxTree(detail, detail.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(detail.ToString().Replace("Before", "After", StringComparison.Ordinal))));
        var result = driver.RunGenerators(renamed).GetRunResult();

        var resolver = result.GeneratedTrees.Single(static t => t.FilePath.EndsWith("AttrFanoutJsonResolver.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("\"After\"", resolver, StringComparison.Ordinal);
        Assert.DoesNotContain("Before", resolver, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subscription_through_the_generated_constant_is_cached_on_an_unrelated_edit_and_holds_no_roslyn_object()
    {
        var compilation = TestCompilation.Create(
            "Constants",
            "namespace Shop { [AttrFanout.Event(\"shop/cart.checked_out\")] public sealed partial record CartCheckedOut(string CartId); public static class Names { public const string Checkout = CartCheckedOut.EventName; } }",
            "public static class Receipts { [AttrFanout.OnEvent(Shop.CartCheckedOut.EventName, Id = \"send\")] public static void Send(Shop.CartCheckedOut c) { } [AttrFanout.OnEvent(Shop.Names.Checkout, Id = \"audit\")] public static void Audit(Shop.CartCheckedOut c) { } }");
        var driver = TestCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation);
        Assert.Equal(2, driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Functions].SelectMany(static s => s.Outputs).Count());

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "public sealed class Unrelated { public int Value => 42; }", TestCompilation.ParseOptions, path: "Unrelated.cs")));

        AssertAllCachedOrUnchanged(driver.GetRunResult());
        AssertNoRoslynObjectsInSteps(compilation);
    }

    [Fact]
    public void No_step_output_holds_a_symbol_syntax_node_location_or_compilation() =>
        AssertNoRoslynObjectsInSteps(TestCompilation.Create("Shop", Scenarios.Events, Scenarios.Handlers));

    [Fact]
    public void No_step_output_holds_a_roslyn_object_with_rich_payloads() =>
        AssertNoRoslynObjectsInSteps(TestCompilation.Create(
            "Payloads",
            Serialization.PayloadScenarios.Supported,
            Serialization.PayloadScenarios.EscapeHatches,
            "public static class Audit { [AttrFanout.OnEvent(\"shop/order.placed\", Id = \"audit\")] public static void Record(Payloads.OrderPlaced order) { } }"));

    [Fact]
    public void Every_json_member_kind_is_cached_when_run_twice_and_holds_no_roslyn_object()
    {
        var compilation = TestCompilation.Create(
            "MemberKinds",
            Serialization.PayloadScenarios.MemberKinds,
            "public static class Audit { [AttrFanout.OnEvent(\"kinds/everything\", Id = \"audit\")] public static void Record(Kinds.Everything payload) { } }");
        var driver = TestCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.Clone());

        AssertAllCachedOrUnchanged(driver.GetRunResult());
        AssertNoRoslynObjectsInSteps(compilation);
    }

    [Fact]
    public void Flow_control_rules_are_cached_on_an_unrelated_edit_and_hold_no_roslyn_object()
    {
        var compilation = TestCompilation.Create("Ai", FlowControl.FlowScenarios.Events, FlowControl.FlowScenarios.Handlers);
        var driver = TestCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "public sealed class Unrelated { public int Value => 42; }", TestCompilation.ParseOptions, path: "Unrelated.cs")));

        AssertAllCachedOrUnchanged(driver.GetRunResult());
        AssertNoRoslynObjectsInSteps(compilation);
    }

    [Fact]
    public void Changing_the_type_of_a_key_member_in_another_file_rewrites_its_accessor()
    {
        var compilation = TestCompilation.Create(
            "Keys",
            "public sealed class Account { public string Id { get; set; } = \"\"; }",
            "[AttrFanout.Event(\"keys/used\")] public sealed partial record Used(Account Account);",
            "public static class H { [AttrFanout.OnEvent(\"keys/used\", Id = \"h\")] [AttrFanout.Concurrency(1, Key = \"Account.Id\")] public static void Run(Used used) { } }");
        var driver = TestCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var account = compilation.SyntaxTrees.First();
        var changed = compilation.ReplaceSyntaxTree(account, account.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            "public sealed class Account { public System.Guid Id { get; set; } }")));
        var result = driver.RunGenerators(changed).GetRunResult();

        var module = result.GeneratedTrees.Single(static t => t.FilePath.EndsWith("AttrFanoutModule.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("((global::Used)p).Account?.Id.ToString(\"D\")", module, StringComparison.Ordinal);
    }

    internal static void AssertNoRoslynObjectsInSteps(Compilation compilation)
    {
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

    internal static void AssertAllCachedOrUnchanged(GeneratorDriverRunResult runResult)
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
