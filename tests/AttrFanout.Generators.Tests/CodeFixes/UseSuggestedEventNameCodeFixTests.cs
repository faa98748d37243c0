using AttrFanout.CodeFixes;
using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.CodeFixes;

public sealed class UseSuggestedEventNameCodeFixTests
{
    private const string Prelude = """
        using AttrFanout;
        [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
        [Event("shop/order.placed")] public sealed partial record OrderPlaced(int Number);

        """;

    [Fact]
    public Task Replaces_the_name_with_the_suggestion() =>
        FanoutVerifier.FixAsync<CatalogAnalyzer, UseSuggestedEventNameCodeFix>(
            Prelude + """
                public static class Handlers
                {
                    [OnEvent({|AF0002:"user/sigup"|}, Id = "track")] public static void Track(UserSignedUp signup) { }
                }
                """,
            Prelude + """
                public static class Handlers
                {
                    [OnEvent("user/signup", Id = "track")] public static void Track(UserSignedUp signup) { }
                }
                """);

    [Fact]
    public Task Fixes_every_typo_of_a_document_at_once() =>
        FanoutVerifier.FixAsync<CatalogAnalyzer, UseSuggestedEventNameCodeFix>(
            Prelude + """
                public static class Handlers
                {
                    [OnEvent({|AF0002:"User/Signup"|})] public static void Track(UserSignedUp signup) { }
                    [OnEvent({|AF0002:"shop/order-placed"|})] public static void Count(OrderPlaced placed) { }
                }
                """,
            Prelude + """
                public static class Handlers
                {
                    [OnEvent("user/signup")] public static void Track(UserSignedUp signup) { }
                    [OnEvent("shop/order.placed")] public static void Count(OrderPlaced placed) { }
                }
                """);

    [Fact]
    public Task Is_not_offered_without_a_suggestion() =>
        FanoutVerifier.FixAsync<CatalogAnalyzer, UseSuggestedEventNameCodeFix>(
            Prelude + """
                public static class Handlers
                {
                    [OnEvent({|AF0002:"billing/invoice.overdue"|})] public static void Track(UserSignedUp signup) { }
                }
                """,
            Prelude + """
                public static class Handlers
                {
                    [OnEvent({|AF0002:"billing/invoice.overdue"|})] public static void Track(UserSignedUp signup) { }
                }
                """);
}
