using System.Collections.Concurrent;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Engine;

[Event("tests/isolation.webhook")]
public sealed partial record WebhookCall(int N, bool EndpointDown);

[Event("tests/isolation.render")]
public sealed partial record RenderRequested(int N);

/// <summary>What the isolation functions saw, and the gate that holds the slow renderer.</summary>
public sealed class IsolationProbe
{
    public ConcurrentQueue<int> DownAttempts { get; } = new();

    public ConcurrentQueue<int> HealthyCalls { get; } = new();

    public ConcurrentQueue<int> Logged { get; } = new();

    public Signal RendererGate { get; } = new();

    private int _rendering;

    public int Rendering => Volatile.Read(ref _rendering);

    public void RenderStarted() => Interlocked.Increment(ref _rendering);
}

public static class IsolationFunctions
{
    [OnEvent("tests/isolation.webhook", Id = "isolation-webhook", Concurrency = 4)]
    public static void CallWebhook(WebhookCall call, FunctionContext context)
    {
        var probe = context.Services.GetRequiredService<IsolationProbe>();
        if (call.EndpointDown)
        {
            probe.DownAttempts.Enqueue(call.N);
            throw new RetryAfterException(TimeSpan.FromSeconds(60));
        }

        probe.HealthyCalls.Enqueue(call.N);
    }

    [OnEvent("tests/isolation.render", Id = "isolation-renderer")]
    public static async Task Render(RenderRequested request, FunctionContext context, CancellationToken cancellationToken)
    {
        var probe = context.Services.GetRequiredService<IsolationProbe>();
        probe.RenderStarted();
        await probe.RendererGate.Task.WaitAsync(cancellationToken);
    }

    [OnEvent("tests/isolation.render", Id = "isolation-logger")]
    public static void Log(RenderRequested request, FunctionContext context) =>
        context.Services.GetRequiredService<IsolationProbe>().Logged.Enqueue(request.N);
}

/// <summary>Functions never hold each other back: not through retries waiting to be due, nor through a slow sibling.</summary>
public sealed class IsolationTests
{
    private static TestApp CreateApp(Action<AttrFanoutOptions>? configure = null) =>
        TestApp.Create(configure, s => s.AddSingleton<IsolationProbe>());

    [Fact]
    public async Task Runs_waiting_for_a_retry_hold_no_slot_so_the_same_functions_due_runs_start_at_once()
    {
        await using var app = CreateApp();
        var probe = app.Get<IsolationProbe>();
        const int waiting = 200;
        for (var i = 0; i < waiting; i++)
        {
            await app.Sender.SendAsync(new WebhookCall(i, EndpointDown: true));
        }

        await Safety.UntilAsync(() => Task.FromResult(probe.DownAttempts.Count == waiting));

        var healthy = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            healthy.Add((await app.Sender.SendAsync(new WebhookCall(1000 + i, EndpointDown: false))).RunIds[0]);
        }

        var runs = await app.CompletionOf(healthy);
        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.Equal(20, probe.HealthyCalls.Count);
        Assert.Equal(waiting, probe.DownAttempts.Count);
        Assert.Equal(app.Clock.Start, app.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_slow_function_never_delays_its_fast_sibling()
    {
        await using var app = CreateApp();
        var renderingWhileStuck = await AssertLoggerFinishesWhileRendererIsStuckAsync(app, events: 300, rendererFull: 64);
        Assert.Equal(64, renderingWhileStuck);
    }

    [Fact]
    public async Task Under_a_process_wide_limit_a_slow_function_never_takes_the_slot_kept_for_an_idle_sibling()
    {
        await using var app = CreateApp(o => o.MaxConcurrency = 8);
        var renderingWhileStuck = await AssertLoggerFinishesWhileRendererIsStuckAsync(app, events: 100, rendererFull: 1);
        Assert.InRange(renderingWhileStuck, 1, 7);
    }

    /// <returns>How many renderer attempts were executing while the logger finished.</returns>
    private static async Task<int> AssertLoggerFinishesWhileRendererIsStuckAsync(TestApp app, int events, int rendererFull)
    {
        var probe = app.Get<IsolationProbe>();
        var loggerRuns = new List<string>();
        for (var i = 0; i < events; i++)
        {
            var sent = await app.Sender.SendAsync(new RenderRequested(i));
            loggerRuns.Add((await app.GetRunAsync(sent, "isolation-logger")).RunId);
        }

        await Safety.UntilAsync(() => Task.FromResult(probe.Rendering >= rendererFull));
        var logged = await app.CompletionOf(loggerRuns);

        Assert.All(logged, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.Equal(events, probe.Logged.Count);
        var rendering = probe.Rendering;
        Assert.True(rendering > 0);
        probe.RendererGate.Set();
        return rendering;
    }
}
