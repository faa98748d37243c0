using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.FlowControl;

/// <summary>AF0022–AF0027 and AF0029–AF0032: the flow-control attributes of one method, each with a case that fires and one that stays silent.</summary>
public sealed class FlowControlAnalyzerTests
{
    private const string Prelude = """
        using System;
        using AttrFanout;
        public enum Tier { Free, Paid }
        public sealed record Account(string Id, Tier Tier);
        public interface IHasTenant { Guid TenantId { get; } }
        [Event("ai/summarize")]
        public sealed partial record Summarize(string AccountId, Account? Account, Guid TenantId, DateOnly Day, int? Region, bool Urgent) : IHasTenant
        {
            private string Secret => "";
        }

        """;

    [Fact]
    public Task AF0022_names_the_member_and_the_type_and_suggests_the_nearest() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize", Id = "a")] [Concurrency(5, Key = {|#0:"Acount"|})] public static void A(Summarize s) { }
                [OnEvent("ai/summarize", Id = "b")] [Throttle(5, Key = {|#1:"Account.Tie"|})] public static void B(Summarize s) { }
                [OnEvent("ai/summarize", Id = "c")] [RateLimit(5, Key = {|AF0022:"Secret"|})] public static void C(Summarize s) { }
                [OnEvent("ai/summarize", Id = "d")] [Singleton(Key = {|AF0022:"Account..Id"|})] public static void D(Summarize s) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.UnknownKeyMember, 0).WithArguments(
                    "Acount", "Concurrency", "H.A", "'Summarize' has no property or field 'Acount' that generated code can read; did you mean 'Account'?"),
                FanoutVerifier.Diagnostic(Descriptors.UnknownKeyMember, 1).WithArguments(
                    "Account.Tie", "Throttle", "H.B", "'Account' has no property or field 'Tie' that generated code can read; did you mean 'Tier'?"),
            ]);

    [Fact]
    public Task AF0022_and_AF0032_stay_silent_for_readable_paths_with_stable_text() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize", Id = "a")]
                [Concurrency(5, Key = nameof(Summarize.AccountId))]
                [Concurrency(5, Key = "Account.Tier")]
                [Throttle(5, Key = "Account.Id")]
                [RateLimit(5, Key = nameof(Summarize.Day))]
                [Singleton(Key = nameof(Summarize.Region))]
                [Idempotency(Key = nameof(Summarize.TenantId))]
                public static void A(Summarize s) { }

                [OnEvent("ai/summarize", Id = "b")] [Concurrency(5, Key = nameof(Summarize.Urgent))] public static void B(Summarize s) { }
            }
            """);

    [Fact]
    public Task AF0023_fires_for_a_key_method_that_cannot_compute_a_key() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public sealed class H
            {
                [OnEvent("ai/summarize", Id = "a")] [Concurrency(5, Key = {|#0:nameof(Tenant)|})] public static void A(Summarize s) { }
                [OnEvent("ai/summarize", Id = "b")] [Concurrency(5, Key = {|#1:nameof(Wrong)|})] public static void B(Summarize s) { }
                [OnEvent("ai/summarize", Id = "c")] [Concurrency(5, Key = {|AF0023:nameof(Nothing)|})] public static void C(Summarize s) { }
                [OnEvent("ai/summarize", Id = "d")] [Concurrency(5, Key = {|#2:nameof(Hidden)|})] public static void D(Summarize s) { }

                public string Tenant(Summarize s) => "";
                public static string Wrong(string s) => s;
                public static void Nothing(Summarize s) { }
                private static string Hidden(Summarize s) => "";
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.InvalidKeyMethod, 0).WithArguments("Tenant", "Concurrency", "H.A", "it is not static", "Summarize"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidKeyMethod, 1).WithArguments(
                    "Wrong", "Concurrency", "H.B", "it takes 'string', which is not the payload type 'Summarize' or a base type or interface of it", "Summarize"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidKeyMethod, 2).WithArguments(
                    "Hidden", "Concurrency", "H.D", "it is private, so generated code cannot call it; make it internal or public", "Summarize"),
            ]);

    [Fact]
    public Task AF0023_stays_silent_for_static_key_methods_taking_the_payload_or_an_interface_of_it() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize")]
                [Concurrency(5, Key = nameof(Tenant))]
                [Throttle(5, Key = nameof(Pages))]
                public static void A(Summarize s) { }

                internal static string Tenant(IHasTenant payload) => payload.TenantId.ToString("N");
                public static int Pages(Summarize s) => 3;
            }
            """);

    [Fact]
    public Task AF0024_fires_for_a_missing_or_mistyped_priority_method() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize", Id = "a")] [Priority({|#0:"Missing"|})] public static void A(Summarize s) { }
                [OnEvent("ai/summarize", Id = "b")] [Priority({|#1:nameof(Long)|})] public static void B(Summarize s) { }

                public static long Long(Summarize s) => 1;
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.InvalidPriorityMethod, 0).WithArguments("Missing", "H.A", "'H' has no method 'Missing'", "Summarize", "H"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidPriorityMethod, 1).WithArguments("Long", "H.B", "it returns long", "Summarize", "H"),
            ]);

    [Fact]
    public Task AF0024_stays_silent_for_static_int_of_the_payload() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize")] [Priority(nameof(Rank))] public static void A(Summarize s) { }

                internal static int Rank(Summarize s) => s.Urgent ? 60 : 0;
            }
            """);

    [Fact]
    public Task AF0025_fires_for_a_limit_or_burst_below_one() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize", Id = "a")] [Concurrency({|#0:0|})] public static void A(Summarize s) { }
                [OnEvent("ai/summarize", Id = "b")] [Throttle(5, Burst = {|#1:0|})] public static void B(Summarize s) { }
                [OnEvent("ai/summarize", Id = "c")] [RateLimit({|AF0025:-1|})] public static void C(Summarize s) { }
                [OnEvent("ai/summarize", Id = "d")] [Throttle({|AF0025:0|})] public static void D(Summarize s) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.InvalidFlowLimit, 0).WithArguments("Concurrency", "H.A", "Limit", 0),
                FanoutVerifier.Diagnostic(Descriptors.InvalidFlowLimit, 1).WithArguments("Throttle", "H.B", "Burst", 0),
            ]);

    [Fact]
    public Task AF0026_fires_for_a_period_outside_one_second_to_seven_days() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize", Id = "a")] [Throttle(1, PeriodSeconds = {|#0:0|})] public static void A(Summarize s) { }
                [OnEvent("ai/summarize", Id = "b")] [RateLimit(1, PeriodSeconds = {|AF0026:604801|})] public static void B(Summarize s) { }
                [OnEvent("ai/summarize", Id = "c")] [Idempotency(Key = nameof(Summarize.AccountId), PeriodSeconds = {|AF0026:-5|})] public static void C(Summarize s) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.InvalidFlowPeriod, 0).WithArguments("Throttle", "H.A", 0)]);

    [Fact]
    public Task AF0025_and_AF0026_stay_silent_for_boundary_values() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize")]
                [Concurrency(1)]
                [Throttle(1, PeriodSeconds = 1, Burst = 1)]
                [RateLimit(1, PeriodSeconds = 604800)]
                [Idempotency(Key = nameof(Summarize.AccountId), PeriodSeconds = 604800)]
                public static void A(Summarize s) { }
            }
            """);

    [Fact]
    public Task AF0027_fires_on_each_concurrency_limit_after_the_second() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize")]
                [Concurrency(5, Key = nameof(Summarize.AccountId))]
                [Concurrency(50, Scope = "openai")]
                [{|#0:Concurrency(3)|}]
                public static void A(Summarize s) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.TooManyConcurrencyLimits, 0).WithArguments("H.A", 3)]);

    [Fact]
    public Task AF0027_stays_silent_for_two() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize")] [Concurrency(5, Key = nameof(Summarize.AccountId))] [Concurrency(50)] public static void A(Summarize s) { }
            }
            """);

    [Fact]
    public Task AF0029_fires_for_idempotency_without_a_key() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize", Id = "a")] [{|#0:Idempotency|}] public static void A(Summarize s) { }
                [OnEvent("ai/summarize", Id = "b")] [{|AF0029:Idempotency(PeriodSeconds = 60)|}] public static void B(Summarize s) { }
                [OnEvent("ai/summarize", Id = "c")] [Idempotency(Key = nameof(Summarize.AccountId))] public static void C(Summarize s) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.IdempotencyWithoutKey, 0).WithArguments("H.A")]);

    [Fact]
    public Task AF0030_fires_for_a_singleton_with_a_concurrency_limit_above_one_on_the_same_key() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize", Id = "a")]
                [Singleton(Key = nameof(Summarize.AccountId))]
                [Concurrency({|#0:3|}, Key = nameof(Summarize.AccountId))]
                public static void A(Summarize s) { }

                [OnEvent("ai/summarize", Id = "b")] [Singleton] [Concurrency({|AF0030:2|})] public static void B(Summarize s) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.ContradictoryFlowControl, 0).WithArguments(
                    "H.A",
                    "[Singleton] allows one active run per key 'AccountId', but [Concurrency(3)] on the same key allows 3; remove one of them or key them differently"),
            ]);

    [Fact]
    public Task AF0030_stays_silent_for_a_limit_of_one_another_key_or_a_shared_scope() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize", Id = "a")] [Singleton(Key = nameof(Summarize.AccountId))] [Concurrency(1, Key = nameof(Summarize.AccountId))] public static void A(Summarize s) { }
                [OnEvent("ai/summarize", Id = "b")] [Singleton(Key = nameof(Summarize.AccountId))] [Concurrency(3, Key = nameof(Summarize.TenantId))] public static void B(Summarize s) { }
                [OnEvent("ai/summarize", Id = "c")] [Singleton] [Concurrency(3, Scope = "openai")] public static void C(Summarize s) { }
            }
            """);

    [Fact]
    public Task AF0031_fires_for_flow_control_on_a_method_without_OnEvent() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [{|#0:Concurrency(5)|}] [{|AF0031:Priority("Rank")|}] public static void Helper(Summarize s) { }
                [OnEvent("ai/summarize")] [Concurrency(5)] public static void Handler(Summarize s) { }
                public static int Rank(Summarize s) => 0;
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.FlowControlWithoutOnEvent, 0).WithArguments("Concurrency", "H.Helper")]);

    [Fact]
    public Task AF0032_warns_for_a_key_without_a_stable_text_form() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ai/summarize", Id = "a")] [Concurrency(5, Key = {|#0:nameof(Summarize.Account)|})] public static void A(Summarize s) { }
                [OnEvent("ai/summarize", Id = "b")] [Throttle(5, Key = {|AF0032:nameof(Box)|})] public static void B(Summarize s) { }

                public static object Box(Summarize s) => s.AccountId;
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.KeyTextNotStable, 0).WithArguments("Account", "Concurrency", "H.A", "Account")]);
}
