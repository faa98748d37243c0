using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.FlowControl;

/// <summary>AF0052 (a blank scope or priority method) and AF0053 (a per-process limit a function-wide one leaves unreachable).</summary>
public sealed class FlowSettingAnalyzerTests
{
    private const string Prelude = """
        using AttrFanout;
        [Event("ai/summarize")] public sealed partial record Summarize(string AccountId);

        """;

    private const string BlankScope =
        "a scope names a limit shared across functions and must be a non-blank name; name the scope, or leave Scope out for the function's own limit";

    [Fact]
    public Task AF0052_fires_at_an_empty_or_whitespace_scope_and_priority_method() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize", Id = "a")] [Concurrency(5, Scope = {|#0:""|})] public static void A(Summarize s) { }
                [OnEvent("ai/summarize", Id = "b")] [Concurrency(5, Key = nameof(Summarize.AccountId))] [Concurrency(9, Scope = {|#1:"  "|})] public static void B(Summarize s) { }
                [OnEvent("ai/summarize", Id = "c")] [Priority({|#2:""|})] public static void C(Summarize s) { }
                [OnEvent("ai/summarize", Id = "d")] [Priority({|AF0052:" "|})] public static void D(Summarize s) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.BlankFlowSetting, 0).WithArguments("Scope", "Concurrency", "H.A", BlankScope),
                FanoutVerifier.Diagnostic(Descriptors.BlankFlowSetting, 1).WithArguments("Scope", "Concurrency", "H.B", BlankScope),
                FanoutVerifier.Diagnostic(Descriptors.BlankFlowSetting, 2).WithArguments(
                    "method name",
                    "Priority",
                    "H.C",
                    "it must name the static method of 'H' that gives each run its priority, 'static int M(TPayload payload)'; write its name (nameof(M)), or remove [Priority]"),
            ]);

    [Fact]
    public Task AF0052_stays_silent_for_named_scopes_and_limits_without_one() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize", Id = "a")] [Concurrency(5, Scope = "openai")] [Concurrency(2)] public static void A(Summarize s) { }
                [OnEvent("ai/summarize", Id = "b")] [Concurrency(5, Scope = "openai")] [Priority(nameof(Rank))] public static void B(Summarize s) { }

                public static int Rank(Summarize s) => 0;
            }
            """);

    [Fact]
    public Task A_blank_key_stays_AF0022_and_is_not_reported_twice() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize", Id = "a")] [Concurrency(5, Key = {|#0:""|})] public static void A(Summarize s) { }
                [OnEvent("ai/summarize", Id = "b")] [Idempotency(Key = {|AF0022:" "|})] public static void B(Summarize s) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.UnknownKeyMember, 0).WithArguments(
                    "",
                    "Concurrency",
                    "H.A",
                    "it is not a member path; name a member of the payload (nameof(...)), a dotted path such as \"Account.Id\", or a static key method of the function's class"),
            ]);

    [Fact]
    public Task AF0053_warns_at_a_per_process_limit_at_or_above_the_function_wide_limit() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize", Id = "a", Concurrency = {|#0:5|})] [Concurrency(5)] public static void A(Summarize s) { }
                [OnEvent("ai/summarize", Id = "b", Concurrency = {|#1:8|})] [Concurrency(20, Key = nameof(Summarize.AccountId))] [Concurrency(3)] public static void B(Summarize s) { }
                [OnEvent("ai/summarize", Id = "c", Concurrency = {|AF0053:5|})] [Concurrency(6)] [Concurrency(4)] public static void C(Summarize s) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.PerProcessConcurrencyNeverBinds, 0).WithArguments("H.A", 5, 5),
                FanoutVerifier.Diagnostic(Descriptors.PerProcessConcurrencyNeverBinds, 1).WithArguments("H.B", 8, 3),
            ]);

    [Fact]
    public Task AF0053_stays_silent_below_the_limit_and_beside_keyed_or_scoped_limits() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize", Id = "a", Concurrency = 4)] [Concurrency(5)] public static void A(Summarize s) { }
                [OnEvent("ai/summarize", Id = "b", Concurrency = 10)] [Concurrency(5, Key = nameof(Summarize.AccountId))] public static void B(Summarize s) { }
                [OnEvent("ai/summarize", Id = "c", Concurrency = 10)] [Concurrency(5, Scope = "openai")] public static void C(Summarize s) { }
                [OnEvent("ai/summarize", Id = "d", Concurrency = 10)] public static void D(Summarize s) { }
                [OnEvent("ai/summarize", Id = "e")] [Concurrency(5)] public static void E(Summarize s) { }
            }
            """);

    [Fact]
    public Task AF0053_stays_silent_when_either_limit_is_already_an_error() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize", Id = "a", Concurrency = 10)] [Concurrency({|AF0025:0|})] public static void A(Summarize s) { }
                [OnEvent("ai/summarize", Id = "b", Concurrency = 10)] [Concurrency(5, Scope = {|AF0052:""|})] [Concurrency(5)] public static void B(Summarize s) { }
                [OnEvent("ai/summarize", Id = "c", Concurrency = 0)] [Concurrency(5)] public static void {|AF0010:C|}(Summarize s) { }
            }
            """);
}
