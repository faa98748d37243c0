using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Analyzers;

/// <summary>AF0001 within one project; across projects see <see cref="CrossProjectTests"/>.</summary>
public sealed class DuplicateIdTests
{
    private const string Prelude = """
        using AttrFanout;
        [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);

        """;

    [Fact]
    public Task Fires_on_every_handler_sharing_an_explicit_Id_and_names_the_other() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Welcome
            {
                [OnEvent("user/signup", Id = {|#0:"send"|})] public static void Send(UserSignedUp signup) { }
            }
            public static class Audit
            {
                [OnEvent("user/signup", Id = {|#1:"send"|})] public static void Write(UserSignedUp signup) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.DuplicateFunctionId, 0).WithArguments("send", "Welcome.Send", "'Audit.Write'"),
                FanoutVerifier.Diagnostic(Descriptors.DuplicateFunctionId, 1).WithArguments("send", "Audit.Write", "'Welcome.Send'"),
            ]);

    [Fact]
    public Task Fires_at_the_method_for_colliding_derived_Ids() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            namespace A { public static class Welcome { [OnEvent("user/signup")] public static void {|AF0001:Send|}(UserSignedUp signup) { } } }
            namespace B { public static class Welcome { [OnEvent("user/signup")] public static void {|AF0001:Send|}(UserSignedUp signup) { } } }
            """);

    [Fact]
    public Task Fires_when_an_explicit_Id_equals_a_derived_one() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Welcome
            {
                [OnEvent("user/signup")] public static void {|AF0001:Send|}(UserSignedUp signup) { }
            }
            public static class Audit
            {
                [OnEvent("user/signup", Id = {|AF0001:"welcome-send"|})] public static void Write(UserSignedUp signup) { }
            }
            """);

    [Fact]
    public Task Names_every_other_handler_when_three_collide() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("user/signup", Id = {|#0:"x"|})] public static void A(UserSignedUp signup) { }
                [OnEvent("user/signup", Id = {|AF0001:"x"|})] public static void B(UserSignedUp signup) { }
                [OnEvent("user/signup", Id = {|AF0001:"x"|})] public static void C(UserSignedUp signup) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.DuplicateFunctionId, 0).WithArguments("x", "H.A", "'H.B', 'H.C'")]);

    [Fact]
    public Task Stays_silent_for_distinct_Ids() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Welcome
            {
                [OnEvent("user/signup")] public static void Send(UserSignedUp signup) { }
                [OnEvent("user/signup", Id = "welcome-send-2")] public static void Send2(UserSignedUp signup) { }
            }
            """);
}
