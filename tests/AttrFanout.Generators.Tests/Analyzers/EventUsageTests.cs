using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Analyzers;

/// <summary>AF0002, AF0003 and AF0007 within one project; across projects see <see cref="CrossProjectTests"/>.</summary>
public sealed class EventUsageTests
{
    private const string Prelude = """
        using AttrFanout;
        [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
        [Event("shop/order.placed")] public sealed partial record OrderPlaced(int Number);

        """;

    [Fact]
    public Task AF0002_fires_for_a_typo_and_suggests_the_nearest_name() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent({|#0:"user/sigup"|})] public static void Track(UserSignedUp signup) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.UnknownEvent, 0).WithArguments("user/sigup", "Handlers.Track", "did you mean 'user/signup'?")]);

    [Fact]
    public Task AF0002_says_to_declare_the_event_when_nothing_is_close() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent({|#0:"billing/invoice.overdue"|})] public static void Track(UserSignedUp signup) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.UnknownEvent, 0).WithArguments(
                "billing/invoice.overdue",
                "Handlers.Track",
                "declare it with [Event(\"billing/invoice.overdue\")] on its payload type, or subscribe to a declared event")]);

    [Fact]
    public Task AF0002_fires_even_when_the_handler_is_otherwise_invalid() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent({|AF0002:"user/signed-up"|})] private static void {|AF0008:Track|}(UserSignedUp signup) { }
            }
            """);

    [Fact]
    public Task AF0002_stays_silent_for_events_declared_in_this_project() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] public static void Track(UserSignedUp signup) { }
                [OnEvent("shop/order.placed")] public static void Count(Event<OrderPlaced> placed) { }
            }
            """);

    [Fact]
    public Task AF0003_fires_at_the_payload_parameter() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] public static void Track({|#0:OrderPlaced|} placed) { }
                [OnEvent("user/signup")] public static void Audit(System.Threading.CancellationToken ct, {|AF0003:Event<OrderPlaced>|} placed) { }
                [OnEvent("user/signup")] public static void Count({|AF0003:string|} raw) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.PayloadTypeMismatch, 0).WithArguments("Handlers.Track", "OrderPlaced", "user/signup", "UserSignedUp", "take 'UserSignedUp' or Event<UserSignedUp>")]);

    [Fact]
    public Task AF0003_stays_silent_for_the_declared_type_bare_or_in_Event_of_T() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] public static void Track(UserSignedUp signup) { }
                [OnEvent("user/signup")] public static void Audit(Event<UserSignedUp> signup) { }
            }
            """);

    [Fact]
    public Task AF0007_fires_on_both_types_declaring_one_event_name() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            namespace Shop;
            [Event({|#0:"user/signup"|})] public sealed partial record UserSignedUp(string UserId);
            [Event({|#1:"user/signup"|})] public sealed partial record UserRegistered(string UserId);
            public static class Handlers
            {
                [OnEvent("user/signup")] public static void Track(UserSignedUp signup) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.EventDeclaredTwice, 0).WithArguments("user/signup", "Shop.UserSignedUp", "'Shop.UserRegistered'"),
                FanoutVerifier.Diagnostic(Descriptors.EventDeclaredTwice, 1).WithArguments("user/signup", "Shop.UserRegistered", "'Shop.UserSignedUp'"),
            ]);

    [Fact]
    public Task AF0007_stays_silent_for_distinct_names() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
            [Event("user/registered")] public sealed partial record UserRegistered(string UserId);
            """);
}
