using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Triggers;

/// <summary>AF0038–AF0047 and the key diagnostics on [Debounce], [Batch] and [CancelOn]: each at the argument or attribute it concerns, with a case that stays silent.</summary>
public sealed class TriggerAnalyzerTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using AttrFanout;
        [Event("ui/clicked")] public sealed partial record Clicked(string TenantId, int X);
        [Event("user/signup")] public sealed partial record UserSignedUp(string UserId, string Email, Guid AccountId);
        [Event("user/deleted")] public sealed partial record UserDeleted(string UserId, int AccountId);

        """;

    [Fact]
    public Task AF0038_points_at_the_period_or_max_wait_out_of_range() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ui/clicked", Id = "a")] [Debounce(PeriodSeconds = {|#0:0|})] public static void A(Clicked c) { }
                [OnEvent("ui/clicked", Id = "b")] [Debounce(PeriodSeconds = {|#1:604801|})] public static void B(Clicked c) { }
                [OnEvent("ui/clicked", Id = "c")] [Debounce(PeriodSeconds = 60, MaxWaitSeconds = {|#2:30|})] public static void C(Clicked c) { }
                [OnEvent("ui/clicked", Id = "d")] [{|#3:Debounce|}] public static void D(Clicked c) { }
                [OnEvent("ui/clicked", Id = "e")] [Debounce(PeriodSeconds = 1, MaxWaitSeconds = 1)] public static void E(Clicked c) { }
                [OnEvent("ui/clicked", Id = "f")] [Debounce(PeriodSeconds = 604800, MaxWaitSeconds = -1)] public static void F(Clicked c) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.InvalidDebounce, 0).WithArguments("H.A", "PeriodSeconds = 0 is out of range; use 1 second to 7 days (604800)"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidDebounce, 1).WithArguments("H.B", "PeriodSeconds = 604801 is out of range; use 1 second to 7 days (604800)"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidDebounce, 2).WithArguments(
                    "H.C", "MaxWaitSeconds = 30 is shorter than PeriodSeconds = 60; the longest hold must be at least the quiet period, or leave MaxWaitSeconds unset"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidDebounce, 3).WithArguments("H.D", "PeriodSeconds is not set; use 1 second to 7 days (604800)"),
            ]);

    [Fact]
    public Task AF0039_points_at_the_batch_size_timeout_or_bytes_out_of_range() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ui/clicked", Id = "a")] [Batch(MaxSize = {|#0:10001|}, TimeoutSeconds = 5)] public static void A(IReadOnlyList<Clicked> c) { }
                [OnEvent("ui/clicked", Id = "b")] [Batch(MaxSize = 5, TimeoutSeconds = {|#1:86401|})] public static void B(IReadOnlyList<Clicked> c) { }
                [OnEvent("ui/clicked", Id = "c")] [Batch(MaxSize = 5, TimeoutSeconds = 5, MaxBytes = {|#2:0|})] public static void C(IReadOnlyList<Clicked> c) { }
                [OnEvent("ui/clicked", Id = "d")] [{|#3:Batch|}] public static void D(IReadOnlyList<Clicked> c) { }
                [OnEvent("ui/clicked", Id = "e")] [Batch(MaxSize = 10000, TimeoutSeconds = 86400, MaxBytes = 16777216)] public static void E(IReadOnlyList<Clicked> c) { }
                [OnEvent("ui/clicked", Id = "f")] [Batch(MaxSize = 1, TimeoutSeconds = 1, MaxBytes = 1)] public static void F(IReadOnlyList<Clicked> c) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.InvalidBatch, 0).WithArguments("H.A", "MaxSize = 10001 is out of range; use 1 to 10000"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidBatch, 1).WithArguments("H.B", "TimeoutSeconds = 86401 is out of range; use 1 second to 1 day (86400)"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidBatch, 2).WithArguments(
                    "H.C", "MaxBytes = 0 is out of range; use 1 to 16 MiB (16777216), or leave it unset for 256 KiB"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidBatch, 3).WithArguments("H.D", "MaxSize is not set; use 1 to 10000"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidBatch, 3).WithArguments("H.D", "TimeoutSeconds is not set; use 1 second to 1 day (86400)"),
            ]);

    [Fact]
    public Task AF0040_points_at_the_single_payload_of_a_batch_handler() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ui/clicked", Id = "a")] [Batch(MaxSize = 5, TimeoutSeconds = 5)] public static void A({|#0:Clicked|} c) { }
                [OnEvent("ui/clicked", Id = "b")] [Batch(MaxSize = 5, TimeoutSeconds = 5, Key = "Nope")] public static Task B({|#1:Event<Clicked>|} c, CancellationToken ct) => Task.CompletedTask;
                [OnEvent("ui/clicked", Id = "c")] [Batch(MaxSize = 5, TimeoutSeconds = 5)] public static void C({|#2:IEnumerable<Clicked>|} c) { }
                [OnEvent("ui/clicked", Id = "d")] [Batch(MaxSize = 5, TimeoutSeconds = 5)] public static void D(FunctionContext context, IReadOnlyList<Event<Clicked>> c) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.BatchHandlerWithoutList, 0).WithArguments("H.A", "Clicked", "Clicked"),
                FanoutVerifier.Diagnostic(Descriptors.BatchHandlerWithoutList, 1).WithArguments("H.B", "AttrFanout.Event<Clicked>", "Clicked"),
                FanoutVerifier.Diagnostic(Descriptors.PayloadTypeMismatch, 2).WithArguments(
                    "H.C", "System.Collections.Generic.IEnumerable<Clicked>", "ui/clicked", "Clicked", "take 'Clicked' or Event<Clicked>"),
                FanoutVerifier.Diagnostic(Descriptors.BatchHandlerWithoutList, 2).WithArguments(
                    "H.C", "System.Collections.Generic.IEnumerable<Clicked>", "Clicked"),
            ]);

    [Fact]
    public Task AF0041_points_at_a_list_taken_without_Batch_and_AF0003_checks_its_element_type() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ui/clicked", Id = "a")] public static void A({|#0:IReadOnlyList<Clicked>|} c) { }
                [OnEvent("ui/clicked", Id = "b")] public static void B(CancellationToken ct, {|#1:IReadOnlyList<Event<Clicked>>|} c) { }
                [OnEvent("ui/clicked", Id = "c")] [Batch(MaxSize = 5, TimeoutSeconds = 5)] public static void C({|#2:IReadOnlyList<UserSignedUp>|} c) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.ListWithoutBatch, 0).WithArguments("H.A", "System.Collections.Generic.IReadOnlyList<Clicked>", "Clicked"),
                FanoutVerifier.Diagnostic(Descriptors.ListWithoutBatch, 1).WithArguments("H.B", "System.Collections.Generic.IReadOnlyList<AttrFanout.Event<Clicked>>", "Clicked"),
                FanoutVerifier.Diagnostic(Descriptors.PayloadTypeMismatch, 2).WithArguments("H.C", "UserSignedUp", "ui/clicked", "Clicked", "take 'Clicked' or Event<Clicked>"),
            ]);

    [Fact]
    public Task AF0042_points_at_what_a_batch_cannot_take() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ui/clicked", Id = "a")]
                [Batch(MaxSize = 5, TimeoutSeconds = 5)]
                [{|#0:Debounce(PeriodSeconds = 5)|}]
                [{|#1:Singleton|}]
                [{|#2:CancelOn("user/deleted")|}]
                public static void A(IReadOnlyList<Clicked> c) { }

                [OnEvent("ui/clicked", Id = "b")] [Debounce(PeriodSeconds = 5)] [Singleton] [CancelOn("user/deleted")] public static void B(Clicked c) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.ForbiddenTriggerCombination, 0).WithArguments(
                    "H.A", "Debounce", "a batch runs with every event it holds, a debounce with only the last of a burst"),
                FanoutVerifier.Diagnostic(Descriptors.ForbiddenTriggerCombination, 1).WithArguments(
                    "H.A", "Singleton", "a batch run holds events of many keys, so no one key can keep it alone"),
                FanoutVerifier.Diagnostic(Descriptors.ForbiddenTriggerCombination, 2).WithArguments(
                    "H.A", "CancelOn", "a batch run holds many events, so one cancelling event cannot be matched to it"),
            ]);

    [Fact]
    public Task AF0043_points_at_a_debounce_or_batch_on_a_schedule_and_a_cancel_on_there_is_fine() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnSchedule("0 9 * * *", Id = "a")] [{|#0:Debounce(PeriodSeconds = 5)|}] public static void A() { }
                [OnSchedule("0 9 * * *", Id = "b")] [{|#1:Batch(MaxSize = 5, TimeoutSeconds = 5)|}] public static void B(CancellationToken ct) { }
                [OnSchedule("0 9 * * *", Id = "c")] [CancelOn("user/deleted", TimeoutSeconds = 60)] public static void C() { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.HoldOnSchedule, 0).WithArguments("Debounce", "H.A"),
                FanoutVerifier.Diagnostic(Descriptors.HoldOnSchedule, 1).WithArguments("Batch", "H.B"),
            ]);

    [Fact]
    public Task AF0044_points_at_an_event_name_nothing_declares_and_suggests_the_nearest() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("user/signup", Id = "a")] [CancelOn({|#0:"user/deletd"|})] public static void A(UserSignedUp s) { }
                [OnEvent("user/signup", Id = "b")] [CancelOn({|#1:"User Deleted"|}, Match = "UserId")] public static void B(UserSignedUp s) { }
                [OnEvent("user/signup", Id = "c")] [CancelOn("user/deleted")] [CancelOn(UserDeleted.EventName)] public static void C(UserSignedUp s) { }
            }

            public sealed partial record UserDeleted { public const string EventName = "user/deleted"; }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.UnknownCancellingEvent, 0).WithArguments("H.A", "no [Event] declares 'user/deletd'; did you mean 'user/deleted'?"),
                FanoutVerifier.Diagnostic(Descriptors.UnknownCancellingEvent, 1).WithArguments(
                    "H.B", "'User Deleted' is not a valid event name; use segments separated by '/', each starting with a letter or digit and continuing with letters, digits, '.', '-' or '_', at most 128 characters (e.g. 'user/signup')"),
            ]);

    [Fact]
    public Task AF0045_points_at_a_match_missing_from_either_payload_or_of_two_types() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("user/signup", Id = "a")] [CancelOn("user/deleted", Match = {|#0:"UserID"|})] public static void A(UserSignedUp s) { }
                [OnEvent("user/signup", Id = "b")] [CancelOn("user/deleted", Match = {|#1:nameof(UserSignedUp.Email)|})] public static void B(UserSignedUp s) { }
                [OnEvent("user/signup", Id = "c")] [CancelOn("user/deleted", Match = {|#2:nameof(UserSignedUp.AccountId)|})] public static void C(UserSignedUp s) { }
                [OnEvent("user/signup", Id = "d")] [CancelOn("user/deleted", Match = nameof(UserSignedUp.UserId))] public static void D(Event<UserSignedUp> s) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.InvalidCancelMatch, 0).WithArguments(
                    "UserID", "user/deleted", "H.A", "on the run's payload, 'UserSignedUp' has no property or field 'UserID' that generated code can read; did you mean 'UserId'?"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidCancelMatch, 1).WithArguments(
                    "Email", "user/deleted", "H.B", "on the cancelling event's payload, 'UserDeleted' has no property or field 'Email' that generated code can read"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidCancelMatch, 2).WithArguments(
                    "AccountId", "user/deleted", "H.C", "it is 'System.Guid' on 'UserSignedUp' but 'int' on 'UserDeleted'; name a member of one type on both payloads"),
            ]);

    [Fact]
    public Task AF0046_points_at_an_If_method_that_cannot_take_both_payloads() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public sealed class H
            {
                [OnEvent("user/signup", Id = "a")] [CancelOn("user/deleted", If = {|#0:nameof(Missing)|})] public static void A(UserSignedUp s) { }
                [OnEvent("user/signup", Id = "b")] [CancelOn("user/deleted", If = {|#1:nameof(Reversed)|})] public static void B(UserSignedUp s) { }
                [OnEvent("user/signup", Id = "c")] [CancelOn("user/deleted", If = {|#2:nameof(NotStatic)|})] public static void C(UserSignedUp s) { }
                [OnEvent("user/signup", Id = "d")] [CancelOn("user/deleted", If = {|#3:nameof(One)|})] public static void D(UserSignedUp s) { }
                [OnEvent("user/signup", Id = "e")] [CancelOn("user/deleted", If = {|#4:nameof(Counts)|})] public static void E(UserSignedUp s) { }
                [OnEvent("user/signup", Id = "f")] [CancelOn("user/deleted", If = nameof(Same))] public static void F(UserSignedUp s) { }

                public const string Missing = "Missing";
                public static bool Reversed(UserDeleted d, UserSignedUp s) => true;
                public bool NotStatic(UserSignedUp s, UserDeleted d) => true;
                public static bool One(UserSignedUp s) => true;
                public static int Counts(UserSignedUp s, UserDeleted d) => 1;
                public static bool Same(object s, UserDeleted d) => true;
            }
            """,
            [
                Condition(0, "Missing", "H.A", "'H' has no method 'Missing'"),
                Condition(1, "Reversed", "H.B", "its parameter 'd' takes 'UserDeleted', which is not the run's payload type 'UserSignedUp' or a base type or interface of it"),
                Condition(2, "NotStatic", "H.C", "it is not static"),
                Condition(3, "One", "H.D", "it takes 1 parameters instead of the run's payload and the cancelling event's payload"),
                Condition(4, "Counts", "H.E", "it returns int"),
            ]);

    [Fact]
    public Task AF0047_points_at_If_beside_Match_and_at_a_timeout_that_is_not_positive() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("user/signup", Id = "a")] [CancelOn("user/deleted", Match = "UserId", If = {|#0:nameof(Same)|})] public static void A(UserSignedUp s) { }
                [OnEvent("user/signup", Id = "b")] [CancelOn("user/deleted", TimeoutSeconds = {|#1:0|})] public static void B(UserSignedUp s) { }
                [OnEvent("user/signup", Id = "c")] [CancelOn("user/deleted", TimeoutSeconds = 1)] [CancelOn("user/deleted", TimeoutSeconds = -1)] public static void C(UserSignedUp s) { }

                public static bool Same(UserSignedUp s, UserDeleted d) => true;
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.InvalidCancelOnSetting, 0).WithArguments(
                    "user/deleted", "H.A", "it has both Match and If; give one of them: Match compares one member of both payloads, If calls a method with both"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidCancelOnSetting, 1).WithArguments(
                    "user/deleted", "H.B", "TimeoutSeconds = 0 is not positive; use 1 or more, or leave it unset to watch for as long as the run is not over"),
            ]);

    [Fact]
    public Task Keys_and_methods_without_a_function_reuse_AF0022_AF0023_and_AF0031() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class H
            {
                [OnEvent("ui/clicked", Id = "a")] [Debounce(PeriodSeconds = 5, Key = {|#0:"Tenant"|})] public static void A(Clicked c) { }
                [OnEvent("ui/clicked", Id = "b")] [Batch(MaxSize = 5, TimeoutSeconds = 5, Key = {|#1:nameof(Wrong)|})] public static void B(IReadOnlyList<Clicked> c) { }
                [{|#2:Debounce(PeriodSeconds = 5)|}] [{|#3:CancelOn("user/deleted")|}] public static void NotAFunction(Clicked c) { }

                public static string Wrong(UserSignedUp s) => "";
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.UnknownKeyMember, 0).WithArguments(
                    "Tenant", "Debounce", "H.A", "'Clicked' has no property or field 'Tenant' that generated code can read; did you mean 'TenantId'?"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidKeyMethod, 1).WithArguments(
                    "Wrong", "Batch", "H.B", "it takes 'UserSignedUp', which is not the payload type 'Clicked' or a base type or interface of it", "Clicked"),
                FanoutVerifier.Diagnostic(Descriptors.FlowControlWithoutOnEvent, 2).WithArguments("Debounce", "H.NotAFunction"),
                FanoutVerifier.Diagnostic(Descriptors.FlowControlWithoutOnEvent, 3).WithArguments("CancelOn", "H.NotAFunction"),
            ]);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Condition(int location, string method, string handler, string reason) =>
        FanoutVerifier.Diagnostic(Descriptors.InvalidCancelCondition, location).WithArguments(
            method, "user/deleted", handler, reason, "UserSignedUp", "UserDeleted", "H");
}
