using AttrFanout.Generators.Diagnostics;

namespace AttrFanout.Generators.Tests.Mistakes;

/// <summary>
/// AF0021: an <c>[OnEvent]</c> whose event name the build cannot determine is an error at the argument, alone, instead of a
/// function that silently never runs.
/// </summary>
public sealed class UndeterminedEventNameTests
{
    private const string Prelude = """
        using AttrFanout;
        namespace Shop
        {
            [Event("shop/cart.checked_out")] public sealed partial record CartCheckedOut(string CartId);
        }

        """;

    [Fact]
    public Task The_generated_constant_reached_through_using_static() =>
        MistakeBuild.AssertAsync("""
            using static Shop.CartCheckedOut;
            """ + Prelude + """
            public static class Receipts
            {
                [OnEvent(EventName, Id = "send-receipt")] public static void Send(Shop.CartCheckedOut cart) { } // expect: AF0021
            }
            """);

    [Fact]
    public Task A_constant_built_from_the_generated_constant_by_a_form_not_read() =>
        MistakeBuild.AssertAsync(Prelude + """
            public static class Names { public const string Checkout = (string)Shop.CartCheckedOut.EventName; }
            public static class Receipts
            {
                [OnEvent(Names.Checkout, Id = "send-receipt")] public static void Send(Shop.CartCheckedOut cart) { } // expect: AF0021
            }
            """);

    [Fact]
    public Task A_name_that_does_not_exist_gets_the_compiler_error_alone() =>
        MistakeBuild.AssertAsync(Prelude + """
            public static class Receipts
            {
                [OnEvent(Missing.Name, Id = "send-receipt")] public static void Send(Shop.CartCheckedOut cart) { } // expect: CS0103
            }
            """);

    [Fact]
    public async Task AF0021_is_reported_at_the_argument_and_names_the_handler()
    {
        const string argument = "(string)Shop.CartCheckedOut.EventName";
        var diagnostics = await MistakeBuild.BuildAsync("App", Prelude + $$"""
            public static class Receipts
            {
                [OnEvent({{argument}}, Id = "send-receipt")] public static void Send(Shop.CartCheckedOut cart) { }
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.EventNameNotDetermined, diagnostic.Id);
        Assert.Equal(argument, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains("'Receipts.Send'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
