using System.Collections.Concurrent;
using AttrFanout.Tests.Engine;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Sending;

public sealed class EventObserverTests
{
    [Fact]
    public async Task Every_observer_is_told_of_each_accepted_event_with_the_run_whose_handler_sent_it()
    {
        var observer = new RecordingObserver();
        var second = new RecordingObserver();
        await using var app = TestApp.Create(services: s => s
            .AddSingleton<EdgeProbe>()
            .AddSingleton<IEventObserver>(observer)
            .AddSingleton<IEventObserver>(second));

        var root = await app.Sender.SendAsync(new CrawlPage(EdgeFunctions.MaxDepth - 1));
        await Safety.UntilAsync(() => Task.FromResult(observer.Accepted.Count == 1 + EdgeFunctions.FanOut));
        await app.CompletionOf(observer.Accepted.SelectMany(static e => e.RunIds));

        var first = observer.Accepted.Single(e => e.EventId == root.EventId);
        Assert.Null(first.SentByRunId);
        Assert.Equal(root.RunIds, first.RunIds);
        var nested = observer.Accepted.Where(e => e.EventId != root.EventId).ToList();
        Assert.Equal(EdgeFunctions.FanOut, nested.Count);
        Assert.All(nested, e => Assert.Equal((root.RunIds[0], "tests/edges.crawl", false), (e.SentByRunId, e.EventName, e.IsDuplicate)));
        Assert.Equal(observer.Accepted.Select(static e => e.EventId).Order(), second.Accepted.Select(static e => e.EventId).Order());
    }

    private sealed class RecordingObserver : IEventObserver
    {
        public ConcurrentQueue<ObservedEvent> Accepted { get; } = new();

        public void OnEventAccepted(ObservedEvent accepted) => Accepted.Enqueue(accepted);
    }
}
