using AttrFanout.CodeFixes;
using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Triggers;

/// <summary>The code fixes AF0044 and AF0045 share with AF0002 and AF0022: the nearest event name, the nearest member.</summary>
public sealed class TriggerCodeFixTests
{
    private const string Prelude = """
        using AttrFanout;
        [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
        [Event("user/deleted")] public sealed partial record UserDeleted(string UserId);

        """;

    [Fact]
    public Task AF0044_replaces_a_misspelt_cancelling_event_with_the_declared_one() =>
        FanoutVerifier.FixAsync<TriggerAnalyzer, UseSuggestedEventNameCodeFix>(
            Prelude + """
            public static class H { [OnEvent("user/signup")] [CancelOn({|AF0044:"user/deletd"|})] public static void Run(UserSignedUp s) { } }
            """,
            Prelude + """
            public static class H { [OnEvent("user/signup")] [CancelOn("user/deleted")] public static void Run(UserSignedUp s) { } }
            """);

    [Fact]
    public Task AF0045_replaces_a_misspelt_match_with_the_nearest_member() =>
        FanoutVerifier.FixAsync<TriggerAnalyzer, UseSuggestedKeyCodeFix>(
            Prelude + """
            public static class H { [OnEvent("user/signup")] [CancelOn("user/deleted", Match = {|AF0045:"UserID"|})] public static void Run(UserSignedUp s) { } }
            """,
            Prelude + """
            public static class H { [OnEvent("user/signup")] [CancelOn("user/deleted", Match = "UserId")] public static void Run(UserSignedUp s) { } }
            """);
}
