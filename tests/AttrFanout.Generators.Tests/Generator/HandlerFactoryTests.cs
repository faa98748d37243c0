using AttrFanout.Generators.Emit;
using AttrFanout.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AttrFanout.Generators.Tests.Generator;

/// <summary>A handler class's registration is read once per compilation for all its handlers, and read again for the next compilation.</summary>
public sealed class HandlerFactoryTests
{
    private const string ClockRegistration = "GetRequiredService<global::Shop.Functions.IClock>(services)";

    [Fact]
    public void A_class_with_two_handlers_is_registered_once()
    {
        var module = Module(TestCompilation.CreateDriver().RunGenerators(TestCompilation.Create("Shop", Scenarios.Events, Scenarios.Handlers)));

        Assert.Single(Occurrences(module, "TryAddScoped<global::Shop.Functions.Welcome>("));
    }

    [Fact]
    public void A_constructor_changed_between_two_compilations_is_registered_as_changed()
    {
        var compilation = TestCompilation.Create("Shop", Scenarios.Events, Scenarios.Handlers);
        var driver = TestCompilation.CreateDriver().RunGenerators(compilation);
        Assert.DoesNotContain(ClockRegistration, Module(driver), StringComparison.Ordinal);

        var handlers = compilation.SyntaxTrees.Single(static t => t.ToString().Contains("class Welcome", StringComparison.Ordinal));
        var edited = handlers.ToString().Replace("class Welcome(IEmailClient email)", "class Welcome(IEmailClient email, IClock clock)", StringComparison.Ordinal);
        Assert.NotEqual(handlers.ToString(), edited);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(handlers, CSharpSyntaxTree.ParseText(edited, TestCompilation.ParseOptions, handlers.FilePath)));

        Assert.Single(Occurrences(Module(driver), ClockRegistration));
    }

    private static string Module(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(static s => s.HintName == ModuleEmitter.HintName).SourceText.ToString();

    private static IEnumerable<int> Occurrences(string text, string value)
    {
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + 1, StringComparison.Ordinal))
        {
            yield return index;
        }
    }
}
