using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Analyzers;

/// <summary>AF0010: the numeric settings of <c>[OnEvent]</c>.</summary>
public sealed class SettingsTests
{
    private const string Prelude = """
        using AttrFanout;
        [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);

        """;

    [Fact]
    public Task Fires_for_out_of_range_settings() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup", Retries = -1)] public static void {|#0:A|}(UserSignedUp signup) { }
                [OnEvent("user/signup", TimeoutSeconds = 0)] public static void {|AF0010:B|}(UserSignedUp signup) { }
                [OnEvent("user/signup", Concurrency = -3)] public static void {|AF0010:C|}(UserSignedUp signup) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.InvalidFunctionSetting, 0).WithArguments("Handlers.A", "Retries = -1 is negative; use 0 or more")]);

    [Fact]
    public Task Stays_silent_for_boundary_values() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup", Retries = 0, TimeoutSeconds = 1, Concurrency = 1)] public static void A(UserSignedUp signup) { }
            }
            """);
}
