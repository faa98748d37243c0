using AttrFanout.CodeFixes;
using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Parsing;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.CodeFixes;

/// <summary>AF0006: the fix turns an invalid explicit Id into kebab case.</summary>
public sealed class UseKebabCaseIdCodeFixTests
{
    [Fact]
    public Task Replaces_the_Id_with_its_kebab_case_form() =>
        FanoutVerifier.FixAsync<HandlerAnalyzer, UseKebabCaseIdCodeFix>(
            """
            using AttrFanout;
            [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
            public static class Handlers
            {
                [OnEvent("user/signup", Id = {|AF0006:"Send WelcomeEmail"|})] public static void Send(UserSignedUp signup) { }
                [OnEvent("user/signup", Id = {|AF0006:"-Audit.Trail_"|})] public static void Audit(UserSignedUp signup) { }
            }
            """,
            """
            using AttrFanout;
            [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
            public static class Handlers
            {
                [OnEvent("user/signup", Id = "send-welcome-email")] public static void Send(UserSignedUp signup) { }
                [OnEvent("user/signup", Id = "audit-trail")] public static void Audit(UserSignedUp signup) { }
            }
            """);

    [Fact]
    public Task Is_not_offered_when_nothing_valid_remains() =>
        FanoutVerifier.FixAsync<HandlerAnalyzer, UseKebabCaseIdCodeFix>(
            """
            using AttrFanout;
            [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
            public static class Handlers
            {
                [OnEvent("user/signup", Id = {|AF0006:"--"|})] public static void Send(UserSignedUp signup) { }
            }
            """,
            """
            using AttrFanout;
            [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
            public static class Handlers
            {
                [OnEvent("user/signup", Id = {|AF0006:"--"|})] public static void Send(UserSignedUp signup) { }
            }
            """);

    [Theory]
    [InlineData("Send Welcome", "send-welcome")]
    [InlineData("HTTPClient.Retry", "http-client-retry")]
    [InlineData("!!", null)]
    [InlineData("", null)]
    public void Suggests_the_nearest_valid_Id(string id, string? expected) => Assert.Equal(expected, IdSuggestion.For(id));
}
