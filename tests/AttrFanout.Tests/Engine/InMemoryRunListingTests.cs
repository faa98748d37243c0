using AttrFanout.Conformance;
using AttrFanout.Stores;
using AttrFanout.Stores.InMemory;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Engine;

/// <summary>The shared runs API conformance suite on the in-memory store.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class InMemoryRunListingConformanceTests : RunListingConformanceTests
{
    protected override ConformanceStore CreateStore() => new InMemoryConformanceTests.InMemoryConformanceStore();
}

/// <summary>What the in-memory store says it no longer lists: the succeeded runs and events it let go, and events that started no run.</summary>
public sealed class InMemoryRunListingGapTests
{
    private static readonly HashSet<RunStatus> SucceededOnly = [RunStatus.Succeeded];

    [Fact]
    public async Task A_listing_says_older_succeeded_runs_may_be_gone_once_the_store_let_some_go()
    {
        await using var app = TestApp.Create(services: s => s
            .AddSingleton<Sending.OrderLedger>()
            .AddSingleton<IFanoutStore>(sp => new InMemoryFanoutStore(queueCapacity: 2, sp.GetRequiredService<TimeProvider>(), succeededRunsKept: 2)));
        var first = await app.Sender.SendAsync(new Sending.OrderPlaced("o-1"));
        await app.CompletionOf(first.RunIds);

        var before = await app.Runs.ListAsync(new RunQuery { Statuses = SucceededOnly });

        Assert.True(before.IsComplete);
        Assert.Equal(first.RunIds.Order(), before.Runs.Select(r => r.RunId).Order());

        var second = await app.Sender.SendAsync(new Sending.OrderPlaced("o-2"));
        await app.CompletionOf(second.RunIds);
        var third = await app.Sender.SendAsync(new Sending.OrderPlaced("o-3"));
        await app.CompletionOf(third.RunIds);

        var after = await app.Runs.ListAsync(new RunQuery { Statuses = SucceededOnly });
        var failedOnly = await app.Runs.ListAsync(new RunQuery { Statuses = new HashSet<RunStatus> { RunStatus.Failed } });
        var counts = await app.Runs.CountAsync();
        var events = await app.Runs.ListEventsAsync(new EventQuery());

        Assert.DoesNotContain(after.Runs, r => first.RunIds.Contains(r.RunId));
        var gap = Assert.Single(after.Incomplete);
        Assert.Equal((ListingGapKind.OldestForgotten, RunStatus.Succeeded), (gap.Kind, Assert.Single(gap.Statuses)));
        Assert.True(failedOnly.IsComplete);
        Assert.Contains(counts.Incomplete, g => g.Kind == ListingGapKind.OldestForgotten);
        Assert.NotNull(counts.Functions.Single(c => c.FunctionId == "sending-ledger").Succeeded);
        Assert.Contains(events.Incomplete, g => g.Kind == ListingGapKind.OldestForgotten);
        Assert.DoesNotContain(events.Events, e => e.Id == first.EventId);
    }

    [Fact]
    public async Task An_event_listing_says_events_that_started_no_run_are_not_kept()
    {
        await using var app = TestApp.Create(services: s => s.AddSingleton<Sending.OrderLedger>());
        var listened = await app.Sender.SendAsync(new Sending.OrderPlaced("o-1"));
        await app.CompletionOf(listened.RunIds);
        Assert.True((await app.Runs.ListEventsAsync(new EventQuery())).IsComplete);

        var orphan = await app.Sender.SendAsync(new Sending.NobodyListens(1));
        var events = await app.Runs.ListEventsAsync(new EventQuery());

        Assert.DoesNotContain(events.Events, e => e.Id == orphan.EventId);
        Assert.Equal(listened.EventId, Assert.Single(events.Events).Id);
        Assert.Contains(events.Incomplete, g => g.Kind == ListingGapKind.NotKept && g.Reason.Contains("started no run", StringComparison.Ordinal));
    }
}
