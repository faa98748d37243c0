using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Analyzers;

/// <summary>AF0005 and AF0006: event names and function Ids, written or derived.</summary>
public sealed class NameTests
{
    private const string FunctionIdRule =
        "lowercase letters, digits, '-' and '_', starting with a letter or digit, at most 128 characters (e.g. 'send-welcome-email')";

    private const string Prelude = """
        using AttrFanout;
        [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);

        """;

    [Fact]
    public Task AF0005_fires_for_an_invalid_event_name_in_OnEvent() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent({|#0:"user signup"|})] public static void Track(UserSignedUp signup) { }
                [OnEvent({|AF0005:"user//signup"|})] public static void Audit(UserSignedUp signup) { }
                [OnEvent({|AF0005:""|})] public static void Count(UserSignedUp signup) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.InvalidEventName, 0).WithArguments("user signup", "Handlers.Track")]);

    [Fact]
    public Task AF0005_fires_for_an_invalid_event_name_in_Event() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            [Event({|#0:"/user/signup"|})] public sealed partial record UserSignedUp(string UserId);
            [Event({|AF0005:"user/sign up!"|})] public sealed partial record UserLeft(string UserId);
            """,
            [FanoutVerifier.Diagnostic(Descriptors.InvalidEventName, 0).WithArguments("/user/signup", "UserSignedUp")]);

    [Fact]
    public Task AF0005_stays_silent_for_every_allowed_form() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            [Event("signup")] public sealed partial record A;
            [Event("shop/order.placed")] public sealed partial record B;
            [Event("App_1/v2/user-signed_up.x")] public sealed partial record C;
            public static class Handlers
            {
                [OnEvent("shop/order.placed")] public static void Track(B placed) { }
            }
            """);

    [Fact]
    public Task AF0006_fires_at_an_explicit_invalid_Id() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup", Id = {|#0:"Send Welcome"|})] public static void Track(UserSignedUp signup) { }
                [OnEvent("user/signup", Id = {|AF0006:"-leading-dash"|})] public static void Audit(UserSignedUp signup) { }
                [OnEvent("user/signup", Id = {|AF0006:""|})] public static void Count(UserSignedUp signup) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.InvalidFunctionId, 0).WithArguments("Send Welcome", "Handlers.Track", "did you mean 'send-welcome'? Use " + FunctionIdRule)]);

    [Fact]
    public Task AF0006_fires_at_the_method_when_the_derived_Id_does_not_fit() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Café
            {
                [OnEvent("user/signup")] public static void {|#0:Track|}(UserSignedUp signup) { }
            }
            public static class _Hidden
            {
                [OnEvent("user/signup")] public static void {|AF0006:Track|}(UserSignedUp signup) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.InvalidFunctionId, 0).WithArguments(
                "café-track",
                "Café.Track",
                "it is derived from the type and method names, which do not fit; set Id in [OnEvent] to " + FunctionIdRule)]);

    [Fact]
    public Task AF0006_stays_silent_for_valid_explicit_and_derived_Ids() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Café
            {
                [OnEvent("user/signup", Id = "cafe-track")] public static void Track(UserSignedUp signup) { }
            }
            public static class HTTPHandlers
            {
                [OnEvent("user/signup")] public static void Track2(UserSignedUp signup) { }
                [OnEvent("user/signup", Id = "0_audit-v2")] public static void Audit(UserSignedUp signup) { }
            }
            """);
}
