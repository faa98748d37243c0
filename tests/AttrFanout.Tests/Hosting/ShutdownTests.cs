using System.Collections.Concurrent;
using AttrFanout.Tests.Engine;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Hosting;

[Event("tests/shutdown.work")]
public sealed partial record LongWork(int Number);

public sealed class ShutdownProbe
{
    public Signal Release { get; } = new();

    public Signal Entered { get; } = new();

    public Signal Cancelled { get; } = new();

    public ConcurrentQueue<int> Started { get; } = new();
}

public static class ShutdownFunctions
{
    [OnEvent("tests/shutdown.work", Id = "shutdown-work")]
    public static async Task Work(LongWork work, FunctionContext context, CancellationToken ct)
    {
        var probe = context.Services.GetRequiredService<ShutdownProbe>();
        probe.Started.Enqueue(work.Number);
        probe.Entered.Set();
        try
        {
            await probe.Release.Task.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            probe.Cancelled.Set();
            throw;
        }
    }
}

public sealed class ShutdownTests
{
    private static TestApp CreateApp(TimeSpan shutdownTimeout) =>
        TestApp.Create(
            o =>
            {
                o.MaxConcurrency = 1;
                o.ShutdownTimeout = shutdownTimeout;
            },
            s => s.AddSingleton<ShutdownProbe>());

    [Fact]
    public async Task Stopping_lets_the_in_flight_run_finish_and_starts_no_new_one()
    {
        await using var app = CreateApp(TimeSpan.FromMinutes(1));
        var probe = app.Get<ShutdownProbe>();
        var inFlight = await app.Sender.SendAsync(new LongWork(1));
        await probe.Entered.Task.Safe();
        var waiting = await app.Sender.SendAsync(new LongWork(2));

        var stop = app.Engine.StopAsync();
        Assert.False(stop.IsCompleted);
        probe.Release.Set();
        await stop.Safe();

        Assert.Equal(RunStatus.Succeeded, (await app.Runs.GetAsync(inFlight.RunIds[0]))!.Status);
        var pending = (await app.Runs.GetAsync(waiting.RunIds[0]))!;
        Assert.Equal(RunStatus.Pending, pending.Status);
        Assert.Equal(0, pending.Attempts);
        Assert.Equal([1], probe.Started);
        Assert.False(probe.Cancelled.IsSet);
        Assert.False(app.Engine.IsRunning);
    }

    [Fact]
    public async Task After_the_drain_timeout_in_flight_runs_are_cancelled_and_stay_pending()
    {
        await using var app = CreateApp(TimeSpan.FromSeconds(10));
        var probe = app.Get<ShutdownProbe>();
        var inFlight = await app.Sender.SendAsync(new LongWork(1));
        await probe.Entered.Task.Safe();

        var stop = app.Engine.StopAsync();
        await app.Clock.AdvanceUntilAsync(stop);

        // The fake clock may run out the abort grace before the handler's cancelled await resumes, so the stop can end
        // first; the handler's token has fired all the same.
        await probe.Cancelled.Task.Safe();
        var run = (await app.Runs.GetAsync(inFlight.RunIds[0]))!;
        Assert.Equal(RunStatus.Pending, run.Status);
        Assert.Equal(0, run.Attempts);
        Assert.Equal(1, app.Store.QueuedCount);
        Assert.Equal(1, app.Logs.Count(eventId: 1007));
    }

    [Fact]
    public async Task Sends_after_stop_stay_pending_in_the_store()
    {
        await using var app = CreateApp(TimeSpan.Zero);
        await app.Engine.StopAsync().Safe();

        var result = await app.Sender.SendAsync(new LongWork(1));

        Assert.Equal(RunStatus.Pending, (await app.Runs.GetAsync(result.RunIds[0]))!.Status);
        Assert.Empty(app.Get<ShutdownProbe>().Started);
    }

    [Fact]
    public async Task Disposing_the_provider_stops_the_engine()
    {
        var app = CreateApp(TimeSpan.Zero);
        var probe = app.Get<ShutdownProbe>();
        await app.Sender.SendAsync(new LongWork(1));
        await probe.Entered.Task.Safe();

        await app.DisposeAsync().AsTask().Safe();

        Assert.True(probe.Cancelled.IsSet);
    }

    [Fact]
    public async Task A_run_waiting_for_its_retry_holds_up_nothing_at_stop_and_keeps_its_attempts_and_due_time()
    {
        await using var app = TestApp.Create(
            o =>
            {
                o.ShutdownTimeout = TimeSpan.FromMinutes(1);
                o.BaseRetryDelay = TimeSpan.FromMinutes(5);
                o.MaxRetryDelay = TimeSpan.FromMinutes(10);
            },
            s => s.AddSingleton(sp => new AttemptLog(sp.GetRequiredService<TimeProvider>())));
        var result = await app.Sender.SendAsync(new FlakyOrder(FailuresBeforeSuccess: 1));
        await Safety.UntilAsync(async () => (await app.GetRunAsync(result, "retry-flaky")).Status == RunStatus.RetryScheduled);
        await app.CompletionOf((await app.GetRunsAsync(result.RunIds)).Where(r => r.FunctionId != "retry-flaky").Select(r => r.RunId));

        await app.Engine.StopAsync().Safe();

        var run = await app.GetRunAsync(result, "retry-flaky");
        Assert.Equal(RunStatus.RetryScheduled, run.Status);
        Assert.Equal(1, run.Attempts);
        Assert.True(run.NextAttemptAt > app.Clock.GetUtcNow(), $"due {run.NextAttemptAt}");
        Assert.Equal(1, app.Get<AttemptLog>().CountOf("retry-flaky"));
        Assert.Equal(0, app.Store.QueuedCount);
    }

    [Fact]
    public async Task Disposing_the_provider_synchronously_cancels_in_flight_runs()
    {
        var app = CreateApp(TimeSpan.FromMinutes(1));
        var probe = app.Get<ShutdownProbe>();
        await app.Sender.SendAsync(new LongWork(1));
        await probe.Entered.Task.Safe();

        app.Provider.Dispose();

        await probe.Cancelled.Task.Safe();
    }
}
