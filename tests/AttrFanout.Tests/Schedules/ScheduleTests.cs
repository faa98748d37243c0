using AttrFanout.Schedules;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Schedules;

/// <summary>Scheduled functions on a fake clock: one run per tick, at the ticks Cronos defines, in their time zone.</summary>
public sealed class ScheduleTests
{
    /// <summary>Starts an app where only <paramref name="functionId"/> is scheduled, on <paramref name="cron"/>.</summary>
    private static TestApp Start(string functionId, string cron, TestClock clock)
    {
        var app = TestApp.Create(
            o => o.Functions[functionId] = new FunctionOptions { Schedule = cron },
            services: s => s.AddSingleton<TickLog>(),
            clock: clock);
        app.Engine.Start();
        return app;
    }

    private static async Task<ScheduledTick[]> TicksAsync(TestApp app, int count)
    {
        var log = app.Get<TickLog>();
        await app.Clock.AdvanceUntilAsync(log.CountReached(count));
        return [.. log.Ticks.OrderBy(t => t.Tick)];
    }

    [Fact]
    public async Task A_six_field_schedule_runs_once_per_tick_at_the_tick()
    {
        var clock = new TestClock();
        var start = clock.GetUtcNow();
        await using var app = Start(ScheduledFunctions.EveryTenSeconds, "*/10 * * * * *", clock);

        var ticks = await TicksAsync(app, 3);

        Assert.Equal([start.AddSeconds(10), start.AddSeconds(20), start.AddSeconds(30)], ticks.Take(3).Select(t => t.Tick));
        Assert.All(ticks, t => Assert.Equal(ScheduledFunctions.EveryTenSeconds, t.FunctionId));
        Assert.All(ticks, t => Assert.False(t.IsCatchUp));
    }

    [Fact]
    public async Task A_time_that_occurs_twice_in_the_autumn_change_runs_once()
    {
        var clock = new TestClock();
        clock.SetUtcNow(new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero));
        await using var app = Start(ScheduledFunctions.ParisNight, "30 2 * * *", clock);

        var autumn = await TicksAsync(app, 2);

        // 25 October 2026: 02:30 happens twice in Paris (CEST, then CET); it runs once, at the first.
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), autumn[0].Tick);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 1, 30, 0, TimeSpan.Zero), autumn[1].Tick);
    }

    [Fact]
    public async Task A_time_that_the_spring_change_skips_runs_at_the_change()
    {
        var clock = new TestClock();
        clock.SetUtcNow(new DateTimeOffset(2027, 3, 27, 12, 0, 0, TimeSpan.Zero));
        await using var app = Start(ScheduledFunctions.ParisNight, "30 2 * * *", clock);

        var spring = await TicksAsync(app, 2);

        // 28 March 2027: Paris jumps from 02:00 to 03:00, so 02:30 does not exist; it runs at 03:00 CEST (01:00 UTC).
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero), spring[0].Tick);
        Assert.Equal(new DateTimeOffset(2027, 3, 29, 0, 30, 0, TimeSpan.Zero), spring[1].Tick);
    }

    [Fact]
    public async Task Catch_up_runs_the_latest_missed_tick_once_at_start_then_the_schedule_goes_on()
    {
        var clock = new TestClock();
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero));
        await using var app = Start(ScheduledFunctions.CatchingUp, "0 0 * * *", clock);

        var ticks = await TicksAsync(app, 2);

        Assert.Equal(new ScheduledTick(ScheduledFunctions.CatchingUp, new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.Zero), IsCatchUp: true), ticks[0]);
        Assert.Equal(new ScheduledTick(ScheduledFunctions.CatchingUp, new DateTimeOffset(2026, 3, 6, 0, 0, 0, TimeSpan.Zero)), ticks[1]);
    }

    [Fact]
    public async Task A_yearly_tick_further_off_than_a_timer_can_wait_is_waited_for_in_steps()
    {
        var clock = new TestClock();
        await using var app = Start(ScheduledFunctions.EveryTenSeconds, "0 0 29 2 *", clock);

        var ticks = await TicksAsync(app, 1);

        Assert.Equal(new DateTimeOffset(2028, 2, 29, 0, 0, 0, TimeSpan.Zero), ticks[0].Tick);
    }

    [Fact]
    public async Task A_handler_may_take_only_its_context_and_the_event_Id_names_the_tick()
    {
        var clock = new TestClock();
        await using var app = Start(ScheduledFunctions.WithContext, "0 * * * *", clock);
        var log = app.Get<TickLog>();

        await clock.AdvanceUntilAsync(Safety.UntilAsync(() => Task.FromResult(!log.EventIds.IsEmpty)));

        Assert.Equal("schedule:tests-schedule-context:20260101T010000Z", log.EventIds.First());
    }

    [Fact]
    public async Task A_schedule_turned_off_in_configuration_makes_no_runs()
    {
        var options = new AttrFanoutOptions();
        options.Functions[ScheduledFunctions.EveryTenSeconds] = new FunctionOptions { Schedule = "off" };
        await using var app = TestApp.Create();

        var scheduled = ScheduledFunction.From(app.Get<FunctionCatalog>().Functions, options);

        Assert.DoesNotContain(scheduled, s => s.Function.Id == ScheduledFunctions.EveryTenSeconds);
        Assert.Contains(scheduled, s => s.Function.Id == ScheduledFunctions.ParisNight);
    }

    [Fact]
    public async Task An_invalid_expression_from_configuration_stops_the_start_naming_the_function()
    {
        await using var app = TestApp.Create(o => o.Functions[ScheduledFunctions.EveryTenSeconds] = new FunctionOptions { Schedule = "*/10 * * *" });

        var error = Assert.Throws<AttrFanoutConfigurationException>(() => app.Engine);

        Assert.Contains("'tests-every-ten-seconds'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'*/10 * * *'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tick_event_is_declared_for_each_scheduled_function()
    {
        await using var app = TestApp.Create();

        Assert.True(app.Get<FunctionCatalog>().TryGetEvent(ScheduleRule.EventNameFor(ScheduledFunctions.ParisNight), out var declared));
        Assert.Equal(typeof(ScheduledTick), declared.PayloadType);
    }

    [Fact]
    public async Task A_function_with_an_event_and_a_schedule_runs_for_both_and_its_context_names_the_trigger()
    {
        var clock = new TestClock();
        await using var app = Start(ScheduledFunctions.WithEvent, "*/10 * * * * *", clock);
        var log = app.Get<TickLog>();

        var sent = await app.Sender.SendAsync(new TidyRequested("disk full"));
        await clock.AdvanceUntilAsync(Safety.UntilAsync(() => Task.FromResult(log.Triggers.Count >= 2)));

        Assert.Single(sent.RunIds);
        Assert.EndsWith(ScheduledFunctions.WithEvent, sent.RunIds[0], StringComparison.Ordinal);
        Assert.Contains(TidyRequested.EventName, log.Triggers);
        Assert.Contains(ScheduleRule.EventNameFor(ScheduledFunctions.WithEvent), log.Triggers);
        var catalog = app.Get<FunctionCatalog>();
        Assert.Single(catalog.Functions, static f => f.Id == ScheduledFunctions.WithEvent);
        Assert.Equal(
            [TidyRequested.EventName, ScheduleRule.EventNameFor(ScheduledFunctions.WithEvent)],
            catalog.GetTriggers(ScheduledFunctions.WithEvent).Select(static t => t.EventName));
    }
}
