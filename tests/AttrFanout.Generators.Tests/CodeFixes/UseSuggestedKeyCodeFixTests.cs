using AttrFanout.CodeFixes;
using AttrFanout.Generators.Analyzers;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.CodeFixes;

public sealed class UseSuggestedKeyCodeFixTests
{
    private const string Prelude = """
        using AttrFanout;
        public sealed record Account(string Id);
        [Event("ai/summarize")] public sealed partial record Summarize(string AccountId, Account? Account);

        """;

    [Fact]
    public Task Replaces_the_misspelt_member_and_keeps_the_rest_of_the_path() =>
        FanoutVerifier.FixAsync<FlowControlAnalyzer, UseSuggestedKeyCodeFix>(
            Prelude + """
                public static class H
                {
                    [OnEvent("ai/summarize", Id = "a")] [Concurrency(5, Key = {|AF0022:"Acount.Id"|})] public static void A(Summarize s) { }
                    [OnEvent("ai/summarize", Id = "b")] [Throttle(5, Key = {|AF0022:"Account.Idd"|})] public static void B(Summarize s) { }
                }
                """,
            Prelude + """
                public static class H
                {
                    [OnEvent("ai/summarize", Id = "a")] [Concurrency(5, Key = "Account.Id")] public static void A(Summarize s) { }
                    [OnEvent("ai/summarize", Id = "b")] [Throttle(5, Key = "Account.Id")] public static void B(Summarize s) { }
                }
                """);

    [Fact]
    public Task Offers_nothing_when_no_member_is_near() =>
        FanoutVerifier.FixAsync<FlowControlAnalyzer, UseSuggestedKeyCodeFix>(
            Prelude + """
                public static class H
                {
                    [OnEvent("ai/summarize")] [Concurrency(5, Key = {|AF0022:"Tenant"|})] public static void A(Summarize s) { }
                }
                """,
            Prelude + """
                public static class H
                {
                    [OnEvent("ai/summarize")] [Concurrency(5, Key = {|AF0022:"Tenant"|})] public static void A(Summarize s) { }
                }
                """);
}
