using System.Collections.Concurrent;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Engine;

[Event("tests/edges.crawl")]
public sealed partial record CrawlPage(int Depth);

[Event("tests/edges.stubborn")]
public sealed partial record StubbornWork(int N);

[Event("tests/edges.blob")]
public sealed partial record BlobAttached(string Content);

public sealed class EdgeProbe
{
    public ConcurrentQueue<int> Crawled { get; } = new();

    public Signal StubbornEntered { get; } = new();

    public Signal StubbornRelease { get; } = new();
}

public static class EdgeFunctions
{
    public const int FanOut = 3;
    public const int MaxDepth = 4;

    [OnEvent("tests/edges.crawl", Id = "edges-crawl", Concurrency = 2)]
    public static async Task Crawl(CrawlPage page, FunctionContext context, CancellationToken ct)
    {
        context.Services.GetRequiredService<EdgeProbe>().Crawled.Enqueue(page.Depth);
        if (page.Depth >= MaxDepth)
        {
            return;
        }

        var sender = context.Services.GetRequiredService<IEventSender>();
        for (var i = 0; i < FanOut; i++)
        {
            await sender.SendAsync(new CrawlPage(page.Depth + 1), cancellationToken: ct);
        }
    }

    [OnEvent("tests/edges.stubborn", Id = "edges-stubborn", Retries = 0)]
    public static async Task IgnoreCancellation(StubbornWork work, FunctionContext context)
    {
        var probe = context.Services.GetRequiredService<EdgeProbe>();
        probe.StubbornEntered.Set();
        await probe.StubbornRelease.Task;
    }

    [OnEvent("tests/edges.blob", Id = "edges-blob")]
    public static void Store(BlobAttached blob)
    {
    }
}

/// <summary>The engine at its edges: nested sends, handlers that ignore cancellation, cancelled and oversized sends.</summary>
public sealed class EdgeTests
{
    private static TestApp CreateApp(Action<AttrFanoutOptions>? configure = null) =>
        TestApp.Create(configure, s => s.AddSingleton<EdgeProbe>());

    [Fact]
    public async Task Sends_from_inside_handlers_complete_with_a_tiny_queue_and_few_slots()
    {
        await using var app = CreateApp(o =>
        {
            o.QueueCapacity = 1;
            o.MaxConcurrency = 2;
        });
        var probe = app.Get<EdgeProbe>();
        var expected = Enumerable.Range(0, EdgeFunctions.MaxDepth + 1).Sum(d => (int)Math.Pow(EdgeFunctions.FanOut, d));

        await app.Sender.SendAsync(new CrawlPage(0)).AsTask().Safe();
        await Safety.UntilAsync(() => Task.FromResult(probe.Crawled.Count == expected));

        Assert.Equal(expected, probe.Crawled.Count);
        Assert.Equal((int)Math.Pow(EdgeFunctions.FanOut, EdgeFunctions.MaxDepth), probe.Crawled.Count(d => d == EdgeFunctions.MaxDepth));
    }

    [Fact]
    public async Task Stop_ends_in_bounded_time_when_a_handler_ignores_its_token_and_hands_the_run_back()
    {
        var app = CreateApp(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        var probe = app.Get<EdgeProbe>();
        var sent = await app.Sender.SendAsync(new StubbornWork(1));
        await probe.StubbornEntered.Task.Safe();

        var stop = app.Engine.StopAsync();
        await app.Clock.AdvanceUntilAsync(stop);

        Assert.False(probe.StubbornRelease.IsSet);
        var run = (await app.Runs.GetAsync(sent.RunIds[0]))!;
        Assert.Equal(RunStatus.Pending, run.Status);
        Assert.Equal(0, run.Attempts);
        Assert.Equal(1, app.Store.QueuedCount);
        Assert.Equal(1, app.Logs.Count(eventId: 1009));
        await app.DisposeAsync().AsTask().Safe();
        probe.StubbornRelease.Set();
    }

    [Fact]
    public async Task A_send_whose_token_is_already_cancelled_accepts_nothing()
    {
        await using var app = CreateApp();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            app.Sender.SendAsync(new BlobAttached("x"), new SendOptions { Id = "cancelled-send" }, new CancellationToken(canceled: true)).AsTask());

        Assert.Equal(0, app.Store.QueuedCount);
        Assert.Equal(0, app.Store.RememberedEventCount);
        var accepted = await app.Sender.SendAsync(new BlobAttached("x"), new SendOptions { Id = "cancelled-send" });
        Assert.False(accepted.IsDuplicate);
    }

    [Fact]
    public async Task A_payload_over_the_limit_is_refused_in_memory_too_and_nothing_is_queued()
    {
        await using var app = CreateApp();

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(() =>
            app.Sender.SendAsync(new BlobAttached(new string('a', 300 * 1024))).AsTask());

        Assert.Equal("tests/edges.blob", error.EventName);
        Assert.Equal(256 * 1024, error.LimitBytes);
        Assert.True(error.SizeBytes > 300 * 1024);
        Assert.Equal(0, app.Store.QueuedCount);
    }
}
