using AttrFanout.Generators.Tests.Mistakes;

namespace AttrFanout.Generators.Tests.FlowControl;

/// <summary>Flow-control mistakes built as a project would: the diagnostic at the user's line, nothing in generated code.</summary>
public sealed class FlowControlMistakeTests
{
    [Fact]
    public Task Broken_rules_are_reported_at_the_attribute_and_the_rest_still_builds() =>
        MistakeBuild.AssertAsync("""
            using System.Threading.Tasks;
            using AttrFanout;
            [Event("ai/summarize")] public sealed partial record Summarize(string AccountId, Account? Account);
            public sealed record Account(string Id);

            public static class H
            {
                [OnEvent("ai/summarize", Id = "a")]
                [Concurrency(5, Key = "Acount.Id")] // expect: AF0022
                [Priority("Rnk")] // expect: AF0024
                public static Task A(Summarize s) => Task.CompletedTask;

                [OnEvent("ai/summarize", Id = "b")]
                [Concurrency(5, Key = "Account.Id")]
                [Throttle(0)] // expect: AF0025
                public static void B(Summarize s) { }

                [OnEvent("ai/summarize", Id = "c")]
                [Concurrency(5, Key = nameof(Summarize.Account))] // expect: AF0032
                public static void C(Summarize s) { }

                public static int Rank(Summarize s) => 0;
            }
            """);

    [Fact]
    public Task Blank_scopes_and_an_unreachable_per_process_limit_are_reported_once_at_the_user_line() =>
        MistakeBuild.AssertAsync("""
            using AttrFanout;
            [Event("ai/summarize")] public sealed partial record Summarize(string AccountId);

            public static class H
            {
                [OnEvent("ai/summarize", Id = "a")]
                [Concurrency(5, Scope = "")] // expect: AF0052
                public static void A(Summarize s) { }

                [OnEvent("ai/summarize", Id = "b")]
                [Concurrency(10, Scope = "")] // expect: AF0052
                public static void B(Summarize s) { }

                [OnEvent("ai/summarize", Id = "c")]
                [Priority(" ")] // expect: AF0052
                public static void C(Summarize s) { }

                [OnEvent("ai/summarize", Id = "d", Concurrency = 4)] // expect: AF0053
                [Concurrency(2)]
                public static void D(Summarize s) { }
            }
            """);
}
