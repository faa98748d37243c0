using AttrFanout.Generators.Emit;
using AttrFanout.Generators.Tests.Infrastructure;
using AttrFanout.Generators.Tests.Mistakes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AttrFanout.Generators.Tests.Generator;

/// <summary>
/// An <c>[OnEvent]</c> that names its event through the <c>EventName</c> constant the generator itself emits, a constant
/// the generator's own input does not contain yet: the function is in the dispatch table and the build is clean.
/// </summary>
public sealed class GeneratedConstantSubscriptionTests
{
    private const string Events = """
        namespace Shop
        {
            [AttrFanout.Event("shop/cart.checked_out")] public sealed partial record CartCheckedOut(string CartId);
            [AttrFanout.Event("shop/order.placed")] public sealed partial record OrderPlaced(string OrderId);
            public static class Names
            {
                public const string Checkout = CartCheckedOut.EventName;
                public const string ViaAnother = Checkout;
                public const string Prefix = "shop/";
            }
        }
        """;

    public static TheoryData<string, string> Forms => new()
    {
        { "using Shop;", "CartCheckedOut.EventName" },
        { "", "global::Shop.CartCheckedOut.EventName" },
        { "", "Shop.CartCheckedOut.EventName" },
        { "using Cart = Shop.CartCheckedOut;", "Cart.EventName" },
        { "using Cart = global::Shop.CartCheckedOut;", "(Cart.EventName)" },
        { "", "Shop.Names.Checkout" },
        { "using Shop;", "Names.ViaAnother" },
        { "using Shop;", "Names.Prefix + \"cart.checked_out\"" },
        { "using Shop;", "$\"{Names.Prefix}cart.checked_out\"" },
        { "", "true ? \"shop/cart.checked_out\" : \"shop/other\"" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_generated_constant_form_subscribes_the_function(string usings, string argument)
    {
        var handler = $$"""
            {{usings}}
            public static class Receipts
            {
                [AttrFanout.OnEvent({{argument}}, Id = "send-receipt")]
                public static void Send(Shop.CartCheckedOut cart) { }
            }
            """;

        Assert.Contains(Subscription("send-receipt", "shop/cart.checked_out"), Module(TestCompilation.Create("App", Events, handler)));
        Assert.Empty(await MistakeBuild.BuildAsync("App", handler + "\n" + Events));
    }

    [Fact]
    public void The_settings_written_beside_the_generated_constant_are_kept()
    {
        const string handler = """
            public static class Receipts
            {
                [AttrFanout.OnEvent(Shop.CartCheckedOut.EventName, Id = "send-receipt", Retries = 7, TimeoutSeconds = 30, Concurrency = 3)]
                public static void Send(Shop.CartCheckedOut cart) { }
            }
            """;

        var module = Module(TestCompilation.Create("App", Events, handler));

        Assert.Contains(Subscription("send-receipt", "shop/cart.checked_out"), module);
        Assert.Contains("Retries = 7,", module, StringComparison.Ordinal);
        Assert.Contains("Concurrency = 3,", module, StringComparison.Ordinal);
        Assert.Contains("Timeout = global::System.TimeSpan.FromSeconds(30),", module, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_unqualified_constant_inside_the_event_type_subscribes_the_function()
    {
        const string source = """
            namespace Shop;
            [AttrFanout.Event("shop/cart.checked_out")]
            public sealed partial record CartCheckedOut(string CartId)
            {
                [AttrFanout.OnEvent(EventName, Id = "count-checkout")]
                public static void Count(CartCheckedOut cart) { }
            }
            """;

        Assert.Contains(Subscription("count-checkout", "shop/cart.checked_out"), Module(TestCompilation.Create("App", source)));
        Assert.Empty(await MistakeBuild.BuildAsync("App", source));
    }

    [Fact]
    public async Task The_constant_of_an_event_type_in_a_referenced_project_subscribes_the_function()
    {
        var library = TestCompilation.ToReference(TestCompilation.RunGenerator(TestCompilation.Create("Shop.Contracts", Events)).Output);
        const string source = """
            using Cart = Shop.CartCheckedOut;
            public static class Receipts
            {
                [AttrFanout.OnEvent(Cart.EventName, Id = "send-receipt")] public static void Send(Cart cart) { }
                [AttrFanout.OnEvent(Shop.Names.Checkout, Id = "audit-receipt")] public static void Audit(Cart cart) { }
            }
            """;

        var module = Module(TestCompilation.Create("App", [source], [library]));

        Assert.Contains(Subscription("send-receipt", "shop/cart.checked_out"), module);
        Assert.Contains(Subscription("audit-receipt", "shop/cart.checked_out"), module);
        Assert.Empty(await MistakeBuild.BuildAsync("App", source, library));
    }

    [Fact]
    public void Pointing_a_constant_at_another_event_moves_the_function_on_the_next_run()
    {
        const string handler = """
            public static class Receipts
            {
                [AttrFanout.OnEvent(Shop.Names.Checkout, Id = "send-receipt")] public static void Send(Shop.CartCheckedOut cart) { }
            }
            """;
        var compilation = TestCompilation.Create("App", Events, handler);
        var driver = TestCompilation.CreateDriver().RunGenerators(compilation);
        var events = compilation.SyntaxTrees.First();

        var edited = compilation.ReplaceSyntaxTree(
            events,
            CSharpSyntaxTree.ParseText(Events.Replace("Checkout = CartCheckedOut.EventName", "Checkout = OrderPlaced.EventName", StringComparison.Ordinal), TestCompilation.ParseOptions, path: events.FilePath));
        driver = driver.RunGenerators(edited);

        var module = ModuleOf(driver.GetRunResult());
        Assert.Contains(Subscription("send-receipt", "shop/order.placed"), module);
        Assert.DoesNotContain(Subscription("send-receipt", "shop/cart.checked_out"), module, StringComparison.Ordinal);
    }

    private static string Subscription(string id, string eventName) =>
        $"FanoutFunctionAttribute(\"{id}\", \"{eventName}\"";

    private static string Module(Compilation input)
    {
        var (output, result) = TestCompilation.RunGenerator(input);
        TestCompilation.AssertNoErrors(output);
        return ModuleOf(result);
    }

    private static string ModuleOf(GeneratorDriverRunResult result) =>
        result.Results.Single().GeneratedSources.Single(static s => s.HintName == ModuleEmitter.HintName).SourceText.ToString();
}
