using AttrFanout.CodeFixes;
using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.CodeFixes;

/// <summary>AF0004: the fix turns <c>async void</c> into <c>async Task</c>, and is offered for no other signature problem.</summary>
public sealed class ReturnTaskCodeFixTests
{
    [Fact]
    public Task Replaces_void_with_Task() =>
        FanoutVerifier.FixAsync<HandlerAnalyzer, ReturnTaskCodeFix>(
            """
            using System.Threading.Tasks;
            using AttrFanout;
            [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
            public static class Handlers
            {
                [OnEvent("user/signup")]
                public static async void {|AF0004:Send|}(UserSignedUp signup) => await Task.Yield();
            }
            """,
            """
            using System.Threading.Tasks;
            using AttrFanout;
            [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
            public static class Handlers
            {
                [OnEvent("user/signup")]
                public static async Task Send(UserSignedUp signup) => await Task.Yield();
            }
            """);

    [Fact]
    public Task Qualifies_Task_when_it_is_not_imported() =>
        FanoutVerifier.FixAsync<HandlerAnalyzer, ReturnTaskCodeFix>(
            """
            using AttrFanout;
            [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
            public static class Handlers
            {
                [OnEvent("user/signup")] public static async void {|AF0004:Send|}(UserSignedUp signup) => await System.Threading.Tasks.Task.Yield();
            }
            """,
            """
            using AttrFanout;
            [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
            public static class Handlers
            {
                [OnEvent("user/signup")] public static async System.Threading.Tasks.Task Send(UserSignedUp signup) => await System.Threading.Tasks.Task.Yield();
            }
            """);

    [Fact]
    public Task Is_not_offered_for_other_signature_problems() =>
        FanoutVerifier.FixAsync<HandlerAnalyzer, ReturnTaskCodeFix>(
            """
            using AttrFanout;
            [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
            public static class Handlers
            {
                [OnEvent("user/signup")] public static int {|AF0004:Count|}(UserSignedUp signup) => 1;
            }
            """,
            """
            using AttrFanout;
            [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
            public static class Handlers
            {
                [OnEvent("user/signup")] public static int {|AF0004:Count|}(UserSignedUp signup) => 1;
            }
            """);
}
