using AttrFanout.Generators.Diagnostics;
using AttrFanout.Generators.Tests.Infrastructure;

namespace AttrFanout.Generators.Tests.Analyzers;

/// <summary>AF0033–AF0036: <c>[OnSchedule]</c> expressions, time zones and signatures checked at build time.</summary>
public sealed class ScheduleTests
{
    private const string Prelude = """
        using System.Threading;
        using System.Threading.Tasks;
        using AttrFanout;

        """;

    [Fact]
    public Task An_invalid_expression_is_reported_on_the_argument_naming_the_field() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Jobs
            {
                [OnSchedule({|#0:"*/10 * * *"|})] public static void A() { }
                [OnSchedule({|#1:"0 25 * * *"|})] public static void B() { }
                [OnSchedule({|#2:"0 9 * * MON-FRY"|})] public static void C() { }
                [OnSchedule({|#3:"0 ? * * *"|})] public static void D() { }
                [OnSchedule({|#4:"*/0 * * * *"|})] public static void E() { }
                [OnSchedule({|#5:"@fortnightly"|})] public static void F() { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.InvalidCronExpression, 0).WithArguments("*/10 * * *", "Jobs.A", "it has 4 fields; use 5 (minute hour day-of-month month day-of-week) or 6 with seconds first"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidCronExpression, 1).WithArguments("0 25 * * *", "Jobs.B", "the hour field '25' has '25', which is not a number from 0 to 23"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidCronExpression, 2).WithArguments("0 9 * * MON-FRY", "Jobs.C", "the day-of-week field 'MON-FRY' has 'FRY', which is not a day of the week (0-7 or SUN-SAT)"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidCronExpression, 3).WithArguments("0 ? * * *", "Jobs.D", "the hour field '?' uses '?', which only day-of-month and day-of-week allow"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidCronExpression, 4).WithArguments("*/0 * * * *", "Jobs.E", "the minute field '*/0' has the step '0', which is not a number from 1 to 59"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidCronExpression, 5).WithArguments("@fortnightly", "Jobs.F", "'@fortnightly' is not a known macro; use one of @every_second, @every_minute, @hourly, @daily, @midnight, @weekly, @monthly, @yearly, @annually"),
            ]);

    [Fact]
    public Task Every_form_the_cron_library_accepts_stays_silent() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Jobs
            {
                [OnSchedule("0 9 * * MON-FRI", TimeZone = "Europe/Paris")] public static void A() { }
                [OnSchedule("*/10 * * * * *")] public static void B() { }
                [OnSchedule("0 0 L * *")] public static void C() { }
                [OnSchedule("0 0 15W * ?")] public static void D() { }
                [OnSchedule("0 0 ? * 5L")] public static void E() { }
                [OnSchedule("0 0 ? * MON#2")] public static void F() { }
                [OnSchedule("0,15,30,45 8-18/2 1-15 JAN,JUL *")] public static void G() { }
                [OnSchedule("@daily", TimeZone = "UTC")] public static void H() { }
                [OnSchedule("0 0 L-3 * *")] public static void I() { }
            }
            """);

    [Fact]
    public Task An_unknown_time_zone_is_reported_on_the_argument_with_the_nearest_name() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public static class Jobs
            {
                [OnSchedule("0 9 * * *", TimeZone = {|#0:"Paris"|})] public static void A() { }
                [OnSchedule("0 9 * * *", TimeZone = {|#1:"Central Europe"|})] public static void B() { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.UnknownTimeZone, 0).WithArguments("Jobs.A", "'Paris' is not an IANA time zone name; did you mean 'Europe/Paris'?"),
                FanoutVerifier.Diagnostic(Descriptors.UnknownTimeZone, 1).WithArguments("Jobs.B", "'Central Europe' is not an IANA time zone name, such as 'Europe/Paris' or 'America/New_York'"),
            ]);

    [Fact]
    public Task A_parameter_a_schedule_cannot_give_or_an_async_void_is_reported() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public sealed record Order(string Id);
            public static class Jobs
            {
                [OnSchedule("0 * * * *")] public static void {|#0:Sync|}(Order order) { }
                [OnSchedule("0 * * * *")] public static async void {|#1:Cleanup|}() { await Task.Yield(); }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.InvalidScheduleHandler, 0).WithArguments("Jobs.Sync", "parameter 'order' of type 'Order' is not what a scheduled function receives; it takes, in any order, an optional ScheduledTick (or Event<ScheduledTick>), FunctionContext and CancellationToken"),
                FanoutVerifier.Diagnostic(Descriptors.InvalidScheduleHandler, 1).WithArguments("Jobs.Cleanup", "it is 'async void', so failures cannot be observed or retried; return Task instead"),
            ]);

    [Fact]
    public Task Every_allowed_signature_stays_silent() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            public sealed class Jobs
            {
                [OnSchedule("0 * * * *", Id = "a")] public static void A() { }
                [OnSchedule("0 * * * *", Id = "b")] public static Task B(ScheduledTick tick, CancellationToken ct) => Task.CompletedTask;
                [OnSchedule("0 * * * *", Id = "c")] public static ValueTask C(CancellationToken ct, Event<ScheduledTick> tick, FunctionContext context) => default;
                [OnSchedule("0 * * * *", Id = "d", CatchUp = true, Retries = 0, TimeoutSeconds = 30)] public Task D(FunctionContext context) => Task.CompletedTask;
            }
            """);

    [Fact]
    public Task A_method_with_both_a_schedule_and_an_event_must_take_a_payload_the_tick_converts_to() =>
        FanoutVerifier.AnalyzeAsync(Prelude + """
            [Event("cache/invalidated")] public sealed partial record CacheInvalidated(string Key);
            public static class Jobs
            {
                [OnSchedule({|#0:"0 3 * * *"|})]
                [OnEvent("cache/invalidated")]
                public static void Rebuild(CacheInvalidated e) { }
            }
            """,
            [
                FanoutVerifier.Diagnostic(Descriptors.PayloadTypeMismatch, 0).WithArguments(
                    "Jobs.Rebuild",
                    "CacheInvalidated",
                    "attrfanout/schedule/jobs-rebuild",
                    "AttrFanout.ScheduledTick",
                    "a function with several triggers takes a type every trigger's payload converts to (a base class or interface they share, or object), or no payload"),
            ]);
}
