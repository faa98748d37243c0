using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Triggers;

/// <summary>AF0003 per trigger, AF0036, AF0048, AF0049, AF0050 and AF0051 on methods with several triggers.</summary>
public sealed class SeveralTriggersAnalyzerTests
{
    private const string Prelude = """
        using System.Threading;
        using System.Threading.Tasks;
        using AttrFanout;
        public interface IUserEvent { string UserId { get; } }
        [Event("user/signup")] public sealed partial record UserSignedUp(string UserId) : IUserEvent;
        [Event("user/reactivated")] public sealed partial record UserReactivated(string UserId) : IUserEvent;
        [Event("audit/x")] public sealed partial record Audited(string What);
        [Event("audit/y")] public partial record struct Counted(string UserId) : IUserEvent;

        """;

    private const string SeveralTriggersAdvice =
        "a function with several triggers takes a type every trigger's payload converts to (a base class or interface they share, or object), or no payload";

    [Fact]
    public Task A_common_interface_object_no_payload_and_a_schedule_beside_events_are_clean() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup", Id = "greet", Retries = 2)] [OnEvent("user/reactivated", Retries = 2)]
                public static Task Greet(IUserEvent user, FunctionContext context) => Task.CompletedTask;

                [OnEvent("user/signup")] [OnEvent("audit/x", Id = "log-anything")] [OnEvent("audit/y")]
                public static void Log(object payload) { }

                [OnEvent("audit/x")] [OnSchedule("0 * * * *")]
                public static void Tidy(FunctionContext context, CancellationToken cancellationToken) { }

                [OnEvent("audit/x")] [OnSchedule("0 * * * *")]
                public static void TidyAnything(object payload) { }
            }
            """);

    [Fact]
    public Task Flow_control_keys_of_a_function_with_several_triggers_read_the_handler_payload_type() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] [OnEvent("user/reactivated")] [Concurrency(1, Key = "UserId")]
                public static void Greet(IUserEvent user) { }

                [OnEvent("audit/x")] [OnSchedule("0 * * * *")] [Concurrency(1, Key = {|#0:"Tick"|})]
                public static void Tidy(object payload) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.UnknownKeyMember, 0).WithArguments("Tick", "Concurrency", "Handlers.Tidy", "'object' has no property or field 'Tick' that generated code can read")]);

    [Fact]
    public Task AF0003_names_each_trigger_whose_payload_does_not_convert() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] [OnEvent({|#0:"audit/x"|})] [OnEvent("audit/y")]
                public static void Greet(IUserEvent user) { }

                [OnEvent({|#1:"user/signup"|})] [OnEvent("user/reactivated", Id = "exact")]
                public static void Exact(UserReactivated user) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.PayloadTypeMismatch, 0).WithArguments("Handlers.Greet", "IUserEvent", "audit/x", "Audited", SeveralTriggersAdvice),
                FanoutVerifier.Diagnostic(Descriptors.PayloadTypeMismatch, 1).WithArguments("Handlers.Exact", "UserReactivated", "user/signup", "UserSignedUp", SeveralTriggersAdvice),
            ]);

    [Fact]
    public Task AF0003_names_the_schedule_when_its_tick_does_not_convert() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup", Id = "nudge")] [OnSchedule({|#0:"0 * * * *"|})]
                public static void Nudge(IUserEvent user) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.PayloadTypeMismatch, 0).WithArguments("Handlers.Nudge", "IUserEvent", "attrfanout/schedule/nudge", "AttrFanout.ScheduledTick", SeveralTriggersAdvice)]);

    [Fact]
    public Task AF0002_points_at_the_unknown_trigger() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] [OnEvent({|#0:"user/reactivatd"|})]
                public static void Greet(IUserEvent user) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.UnknownEvent, 0).WithArguments("user/reactivatd", "Handlers.Greet", "did you mean 'user/reactivated'?")]);

    [Fact]
    public Task AF0048_fires_at_the_second_Id() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup", Id = "greet")] [OnEvent("user/reactivated", Id = {|#0:"welcome-back"|})]
                public static void Greet(IUserEvent user) { }

                [OnEvent("user/signup", Id = "same")] [OnEvent("user/reactivated", Id = "same")]
                public static void Same(IUserEvent user) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.TriggersWithTwoIds, 0).WithArguments("Handlers.Greet", "greet", "welcome-back")]);

    [Fact]
    public Task AF0049_fires_at_an_Event_of_T_parameter_only_with_several_triggers() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] [OnEvent("user/reactivated")]
                public static void Greet({|#0:Event<UserSignedUp>|} signup) { }

                [OnEvent("user/signup")]
                public static void One(Event<UserSignedUp> signup) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.EnvelopeWithSeveralTriggers, 0).WithArguments("Handlers.Greet", "AttrFanout.Event<UserSignedUp>", 2)]);

    [Fact]
    public Task AF0051_fires_at_a_debounce_or_cancel_on_of_a_function_with_several_triggers_and_leaves_the_function_out() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup")] [OnEvent("user/reactivated")] [{|#0:Debounce(PeriodSeconds = 5, Key = "UserId")|}]
                public static void Greet(IUserEvent user) { }

                [OnEvent("audit/x")] [OnSchedule("0 * * * *")] [{|#1:CancelOn("user/signup")|}]
                public static void Tidy(FunctionContext context) { }

                [OnEvent("user/signup")] [Debounce(PeriodSeconds = 5, Key = "UserId")] [CancelOn("user/reactivated", Match = "UserId")]
                public static void One(UserSignedUp user) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.HoldOrCancelWithSeveralTriggers, 0).WithArguments("Debounce", "Handlers.Greet", 2, "debounced work"),
                FanoutVerifier.Diagnostic(Descriptors.HoldOrCancelWithSeveralTriggers, 1).WithArguments("CancelOn", "Handlers.Tidy", 2, "cancellable work"),
            ]);

    [Fact]
    public Task AF0050_fires_at_a_setting_given_two_values() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("user/signup", Retries = 1)] [OnEvent("user/reactivated", TimeoutSeconds = 5, Retries = {|#0:3|})]
                public static void Greet(IUserEvent user) { }

                [OnEvent("audit/x", Id = "sweep")] [OnSchedule("0 * * * *", TimeoutSeconds = 5)] [OnEvent("audit/y", TimeoutSeconds = 5)]
                public static void Sweep() { }

                [OnEvent("audit/x", Pipeline = "a", Id = "piped")] [OnEvent("audit/y", Pipeline = {|#1:"b"|})]
                public static void Piped() { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.TriggerSettingConflict, 0).WithArguments("Handlers.Greet", "Retries", "1", "3"),
                FanoutVerifier.Diagnostic(Descriptors.TriggerSettingConflict, 1).WithArguments("Handlers.Piped", "Pipeline", "\"a\"", "\"b\""),
            ]);

    [Fact]
    public Task AF0001_names_a_referenced_function_with_several_triggers_once() =>
        FanoutVerifier.AnalyzeAsync("""
            using AttrFanout;
            using Shop.Library;
            public static class Welcome
            {
                [OnEvent("user/signup", Id = {|#0:"greet"|})] public static void Send(UserSignedUp payload) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.DuplicateFunctionId, 0).WithArguments("greet", "Welcome.Send", "'Shop.Library.Greetings.Greet' in 'Shop.Library'")],
            Library.Value);

    private static readonly Lazy<Microsoft.CodeAnalysis.MetadataReference> Library = new(() =>
        TestCompilation.ToReference(TestCompilation.RunGenerator(TestCompilation.Create("Shop.Library", """
            using AttrFanout;
            namespace Shop.Library;
            [Event("user/signup")] public sealed partial record UserSignedUp(string UserId);
            [Event("user/reactivated")] public sealed partial record UserReactivated(string UserId);
            public static class Greetings
            {
                [OnEvent("user/signup", Id = "greet")] [OnEvent("user/reactivated")] public static void Greet(object user) { }
            }
            """)).Output));

    [Fact]
    public Task AF0036_fires_at_a_ScheduledTick_parameter_beside_events() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Handlers
            {
                [OnEvent("audit/x")] [OnSchedule("0 * * * *")]
                public static void Tidy({|#0:ScheduledTick|} tick) { }
            }
            """,
            [FanoutVerifier.Diagnostic(Descriptors.ScheduleWithEvent, 0).WithArguments("Handlers.Tidy")]);
}
