using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Testing.Tests;

public sealed class FanoutSessionTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_three_hop_cascade_is_followed_to_the_failure_subscriber_with_retries_stepped_on_the_fake_clock()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var log = new CascadeLog();
        await using var fanout = FanoutTestHarness.Create(services => services.AddAttrFanout().AddSingleton(log));
        var start = fanout.Time.GetUtcNow();
        await using var session = fanout.Track();

        await session.SendAsync(new CascadeOrderPlaced("o-1"), cancellationToken: timeout.Token);
        var report = await session.RunUntilIdleAsync(timeout.Token);

        Assert.Equal(
            ["cascade/order.placed", "cascade/stock.reserved", "cascade/shipment.requested", FunctionFailed.Name],
            report.Events.Select(static e => e.EventName));
        Assert.Equal(
            ["alert-on-failure", "book-courier", "print-label", "request-shipping", "reserve-stock"],
            report.Runs.Select(static r => r.FunctionId).Order(StringComparer.Ordinal));

        var reserve = report["reserve-stock"];
        var shipping = report["request-shipping"];
        Assert.Null(reserve.Event.SentBy);
        Assert.Same(reserve, shipping.Event.SentBy);
        Assert.Same(shipping, report["print-label"].Event.SentBy);
        Assert.Same(shipping, report["book-courier"].Event.SentBy);
        Assert.Equal((RunStatus.Succeeded, 1), (reserve.Status, reserve.Attempts));
        Assert.Equal((RunStatus.Succeeded, 1), (shipping.Status, shipping.Attempts));

        var courier = report["book-courier"];
        Assert.Equal((RunStatus.Succeeded, 2), (courier.Status, courier.Attempts));
        Assert.Equal(typeof(TimeoutException).FullName, courier.ErrorType);

        var label = report["print-label"];
        Assert.Equal((RunStatus.Failed, 3), (label.Status, label.Attempts));
        Assert.Equal(typeof(InvalidOperationException).FullName, label.ErrorType);
        Assert.Equal("no label printer (attempt 3)", label.ErrorMessage);
        var failure = Assert.Single(label.Sent);
        Assert.Equal(FunctionFailed.Name, failure.EventName);

        var alert = report["alert-on-failure"];
        Assert.Same(failure, alert.Event);
        Assert.Equal(RunStatus.Succeeded, alert.Status);
        Assert.Equal(
            "cascade/order.placed → reserve-stock → cascade/stock.reserved → request-shipping → cascade/shipment.requested → print-label → attrfanout/function.failed → alert-on-failure",
            alert.Chain);
        Assert.Equal(("print-label", 3), (Assert.Single(log.Alerts).FunctionId, log.Alerts[0].Attempts));
        Assert.Equal(3, log.LabelsPrinted);
        Assert.Equal(2, log.CourierBookings);
        Assert.True(fanout.Time.GetUtcNow() > start, "The session should have advanced the fake clock over the retry delays.");
        Assert.False(report.AllSucceeded);
    }

    [Fact]
    public async Task A_cascade_that_never_ends_stops_at_the_limit_naming_the_loop()
    {
        using var timeout = new CancellationTokenSource(Bound);
        await using var fanout = FanoutTestHarness.Create(services => services.AddAttrFanout(), new RunDriverOptions { MaxCascadeEvents = 40 });
        await using var session = fanout.Track();

        await session.SendAsync(new Ping(0), cancellationToken: timeout.Token);
        var error = await Assert.ThrowsAsync<CascadeLimitExceededException>(() => session.RunUntilIdleAsync(timeout.Token));

        Assert.Contains(error.Cycle, new[] { "loop/ping → answer-ping → loop/pong → answer-pong → loop/ping", "loop/pong → answer-pong → loop/ping → answer-ping → loop/pong" });
        Assert.Contains($"It loops: {error.Cycle}.", error.Message, StringComparison.Ordinal);
        Assert.Contains("more than 40 events", error.Message, StringComparison.Ordinal);
        Assert.True(session.EventCount > 40);
    }

    [Fact]
    public async Task Events_sent_outside_the_session_are_not_followed_and_a_second_wait_picks_up_later_sends()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var log = new AttemptLog { FlakyFailures = 0 };
        await using var fanout = FanoutTestHarness.Create(services => services.AddAttrFanout().AddSingleton(log));
        await fanout.SendAndRunAsync(new OrderPlaced("before"), cancellationToken: timeout.Token);
        await using var session = fanout.Track();

        await session.SendAsync(new OrderPlaced("first"), cancellationToken: timeout.Token);
        var first = await session.RunUntilIdleAsync(timeout.Token);
        await session.SendAsync(new OrderPlaced("second"), cancellationToken: timeout.Token);
        var both = await session.RunUntilIdleAsync(timeout.Token);

        Assert.Equal(2, first.Runs.Count);
        Assert.Equal(4, both.Runs.Count);
        Assert.Equal(2, both.RunsOf("stable").Count);
        Assert.True(both.AllSucceeded);
        var error = Assert.Throws<KeyNotFoundException>(() => both["stable"]);
        Assert.Contains("ran 2 times", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_clock_does_not_jump_to_a_later_retry_while_an_attempt_executes_so_its_timeout_does_not_fire()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var clock = new CountingClock();
        var guard = new ClockGuard();
        await using var fanout = FanoutTestHarness.Create(services => services.AddAttrFanout().AddSingleton(guard).AddSingleton<TimeProvider>(clock));
        await using var session = fanout.Track();
        var sent = await session.SendAsync(new GuardedWork("w-1"), cancellationToken: timeout.Token);

        var drive = session.RunUntilIdleAsync(timeout.Token);
        await UntilAsync(async () => (await StatusesAsync(fanout, sent)).SetEquals([RunStatus.Running, RunStatus.RetryScheduled]), timeout.Token);
        var reads = clock.Reads;
        await UntilAsync(() => Task.FromResult(clock.Reads > reads + 100), timeout.Token);
        guard.Release.SetResult();
        var report = await drive;

        Assert.Same(clock, fanout.Time);
        Assert.Equal((RunStatus.Succeeded, 1), (report["guard-slow"].Status, report["guard-slow"].Attempts));
        Assert.Equal((RunStatus.Succeeded, 2), (report["guard-later"].Status, report["guard-later"].Attempts));
        Assert.True(clock.GetUtcNow() - AttrFanoutTestingServiceCollectionExtensions.FakeClockStart >= TimeSpan.FromMinutes(10), "The clock should have moved to the retry once the slow attempt ended.");
    }

    [Fact]
    public void Attaching_to_services_not_prepared_for_testing_says_what_to_call()
    {
        using var services = new ServiceCollection().AddAttrFanout().BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => FanoutTestHarness.Attach(services));

        Assert.Contains("AddAttrFanoutTesting()", error.Message, StringComparison.Ordinal);
    }

    private static async Task<HashSet<RunStatus>> StatusesAsync(FanoutTestHarness fanout, SendResult sent)
    {
        var statuses = new HashSet<RunStatus>();
        foreach (var runId in sent.RunIds)
        {
            statuses.Add((await fanout.Runs.GetAsync(runId))!.Status);
        }

        return statuses;
    }

    /// <summary>Polls until the condition holds; the token bounds the wait.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System, cancellationToken);
        }
    }
}
