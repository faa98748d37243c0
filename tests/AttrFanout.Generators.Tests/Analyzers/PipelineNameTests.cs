using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Analyzers;

/// <summary>AF0020: a <c>Pipeline</c> in <c>[OnEvent]</c> that no registered resilience pipeline could be named.</summary>
public sealed class PipelineNameTests
{
    private const string Prelude = """
        using AttrFanout;
        [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);

        """;

    [Fact]
    public Task Fires_on_the_argument_for_an_empty_blank_padded_or_control_character_name() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup", Pipeline = {|#0:""|})] public static void A(UserSignedUp signup) { }
                [OnEvent("user/signup", Pipeline = {|#1:"   "|})] public static void B(UserSignedUp signup) { }
                [OnEvent("user/signup", Pipeline = {|#2:"payments "|})] public static void C(UserSignedUp signup) { }
                [OnEvent("user/signup", Pipeline = {|#3:"pay\nments"|})] public static void D(UserSignedUp signup) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.InvalidPipelineName, 0).WithArguments("", "Handlers.A", "it is empty"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidPipelineName, 1).WithArguments("   ", "Handlers.B", "it is only whitespace"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidPipelineName, 2).WithArguments("payments ", "Handlers.C", "it starts or ends with whitespace"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidPipelineName, 3).WithArguments("pay\nments", "Handlers.D", "it contains a control character"),
            ]);

    [Fact]
    public Task Fires_for_a_constant_that_holds_an_empty_name() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Pipelines { public const string Payments = ""; }
            public static class Handlers
            {
                [OnEvent("user/signup", Pipeline = {|AF0020:Pipelines.Payments|})] public static void A(UserSignedUp signup) { }
            }
            """);

    [Fact]
    public Task Stays_silent_for_any_name_an_app_could_register_and_for_no_name() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup", Pipeline = "payments")] public static void A(UserSignedUp signup) { }
                [OnEvent("user/signup", Pipeline = "Payments API (v2)/eu")] public static void B(UserSignedUp signup) { }
                [OnEvent("user/signup", Pipeline = null)] public static void C(UserSignedUp signup) { }
                [OnEvent("user/signup")] public static void D(UserSignedUp signup) { }
            }
            """);
}
