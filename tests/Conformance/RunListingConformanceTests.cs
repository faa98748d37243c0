namespace AttrFanout.Conformance;

/// <summary>
/// The runs API every store gives the same meaning to: listing runs by status, function, event and time, paging, events
/// with their runs, live counts, and saying what a store cannot know instead of leaving it out. Each store's test project
/// derives from this class and supplies its <see cref="ConformanceStore"/>.
/// </summary>
public abstract class RunListingConformanceTests
{
    private static readonly TimeSpan WaitBound = TimeSpan.FromSeconds(60);

    protected abstract ConformanceStore CreateStore();

    private static string NewKey() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Runs_are_listed_by_status_function_event_name_and_event_Id_most_recent_first()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var sent = await SendFailingOrdersAsync(store, app, 3);
        var blob = await app.Sender.SendAsync(new ConformanceBlob("x"));
        await EndedAsync(store, app, blob.RunIds);

        var failed = await app.Runs.ListAsync(new RunQuery { Statuses = new HashSet<RunStatus> { RunStatus.Failed }, FunctionId = ConformanceFunctions.Charge });

        Assert.True(failed.IsComplete, Describe(failed.Incomplete));
        Assert.Null(failed.NextCursor);
        Assert.Equal(sent.Select(s => s.EventId).Reverse(), failed.Runs.Select(r => r.EventId));
        Assert.All(failed.Runs, r => Assert.Equal((RunStatus.Failed, ConformanceFunctions.Charge), (r.Status, r.FunctionId)));

        var ofOneEvent = await app.Runs.ListAsync(new RunQuery { EventId = sent[1].EventId, FunctionId = ConformanceFunctions.Charge });
        Assert.Equal(sent[1].EventId, Assert.Single(ofOneEvent.Runs).EventId);

        var receipts = await app.Runs.ListAsync(new RunQuery { FunctionId = ConformanceFunctions.Receipt });
        var blobs = await app.Runs.ListAsync(new RunQuery { EventName = "conformance/blob" });
        if (store.KeepsSucceededRuns)
        {
            Assert.Equal(sent.Select(s => s.EventId).Reverse(), receipts.Runs.Select(r => r.EventId));
            Assert.All(receipts.Runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
            Assert.Equal(blob.RunIds, blobs.Runs.Select(r => r.RunId));
            Assert.True(receipts.IsComplete, Describe(receipts.Incomplete));
        }
        else
        {
            Assert.Empty(receipts.Runs);
            Assert.Empty(blobs.Runs);
            AssertSaysSucceededRunsAreNotKept(receipts.Incomplete);
            AssertSaysSucceededRunsAreNotKept(blobs.Incomplete);
        }
    }

    [Fact]
    public async Task Paging_returns_every_run_once_newest_first_and_ends_with_no_cursor()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var sent = await SendFailingOrdersAsync(store, app, 7);
        var expected = sent.Select(s => s.EventId).Reverse().ToArray();

        var seen = new List<FunctionRun>();
        var query = new RunQuery { FunctionId = ConformanceFunctions.Charge, Statuses = new HashSet<RunStatus> { RunStatus.Failed }, Limit = 3 };
        var pages = 0;
        do
        {
            var page = await app.Runs.ListAsync(query);
            Assert.True(page.Runs.Count <= 3);
            seen.AddRange(page.Runs);
            query = query with { Cursor = page.NextCursor };
            if (pages++ == 0)
            {
                // A run that fails between two pages is newer than the cursor: it shifts nothing and shows on a new first page.
                await SendFailingOrdersAsync(store, app, 1);
            }
        }
        while (query.Cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(expected, seen.Select(r => r.EventId));
        Assert.Equal(seen.Count, seen.Select(r => r.RunId).Distinct().Count());
    }

    [Fact]
    public async Task The_creation_time_filter_takes_the_start_and_leaves_out_the_end()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        await SendFailingOrdersAsync(store, app, 3);
        var failedOnly = new HashSet<RunStatus> { RunStatus.Failed };
        var charges = new RunQuery { Statuses = failedOnly, FunctionId = ConformanceFunctions.Charge };
        var all = (await app.Runs.ListAsync(charges)).Runs;
        Assert.Equal(3, all.Count);
        var newest = all.Max(r => r.CreatedAt);
        var oldest = all.Min(r => r.CreatedAt);

        var from = await app.Runs.ListAsync(charges with { CreatedFrom = newest });
        var before = await app.Runs.ListAsync(charges with { CreatedBefore = newest });
        var beforeOldest = await app.Runs.ListAsync(charges with { CreatedBefore = oldest });
        var afterNewest = await app.Runs.ListAsync(charges with { CreatedFrom = newest + TimeSpan.FromTicks(10) });

        Assert.Equal(all.Where(r => r.CreatedAt == newest).Select(r => r.RunId).Order(), from.Runs.Select(r => r.RunId).Order());
        Assert.Equal(all.Where(r => r.CreatedAt < newest).Select(r => r.RunId).Order(), before.Runs.Select(r => r.RunId).Order());
        Assert.Empty(beforeOldest.Runs);
        Assert.Empty(afterNewest.Runs);
    }

    [Fact]
    public async Task A_run_executing_is_listed_and_counted_as_running()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var key = NewKey();
        var sent = await app.Sender.SendAsync(new ConformanceOrder(key, Block: true));
        try
        {
            await store.UntilAsync(() => Task.FromResult(ConformanceLog.AttemptsOf(key, ConformanceFunctions.Charge).Length == 1), "the charge starts");

            // The receipt, a sibling that does not block, may still be executing too: ask for the charge's function.
            var running = await app.Runs.ListAsync(new RunQuery { Statuses = new HashSet<RunStatus> { RunStatus.Running }, FunctionId = ConformanceFunctions.Charge });
            var counts = await app.Runs.CountAsync();

            var run = Assert.Single(running.Runs, r => r.EventId == sent.EventId);
            Assert.Equal(ConformanceFunctions.Charge, run.FunctionId);
            Assert.Contains(run.RunId, sent.RunIds);
            Assert.Equal(1, Charge(counts).Running);
        }
        finally
        {
            ConformanceLog.Open(key);
        }

        await EndedAsync(store, app, sent.RunIds);
    }

    [Fact]
    public async Task A_run_waiting_for_its_retry_is_listed_and_counted_with_its_next_attempt()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync(o =>
        {
            o.BaseRetryDelay = TimeSpan.FromHours(12);
            o.MaxRetryDelay = TimeSpan.FromDays(1);
        });
        var key = NewKey();
        var sent = await app.Sender.SendAsync(new ConformanceOrder(key, FailFirst: 1));
        var waitingOnly = new RunQuery { Statuses = new HashSet<RunStatus> { RunStatus.RetryScheduled }, FunctionId = ConformanceFunctions.Charge };
        RunPage? waiting = null;

        await store.UntilAsync(
            async () => (waiting = await app.Runs.ListAsync(waitingOnly)).Runs.Any(r => r.EventId == sent.EventId),
            "the charge waits for its retry");
        var counts = await app.Runs.CountAsync();

        var run = Assert.Single(waiting!.Runs);
        Assert.Equal((ConformanceFunctions.Charge, 1), (run.FunctionId, run.Attempts));
        Assert.Contains(run.RunId, sent.RunIds);
        Assert.NotNull(run.NextAttemptAt);
        Assert.True(waiting.IsComplete, Describe(waiting.Incomplete));
        Assert.Equal(1, Charge(counts).RetryScheduled);
        Assert.Equal(0, Charge(counts).Failed);
    }

    [Fact]
    public async Task Counts_give_every_function_and_count_failed_runs_until_they_are_replayed()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var sent = await SendFailingOrdersAsync(store, app, 2);

        var counts = await app.Runs.CountAsync();

        var ids = counts.Functions.Select(c => c.FunctionId).ToArray();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Subset(ids.ToHashSet(), new HashSet<string> { "conformance-blob", ConformanceFunctions.Charge, ConformanceFunctions.Failures, ConformanceFunctions.Receipt });
        Assert.Equal((2, 0, 0, 0), (Charge(counts).Failed, Charge(counts).Pending, Charge(counts).Running, Charge(counts).RetryScheduled));
        var receipts = counts.Functions.Single(c => c.FunctionId == ConformanceFunctions.Receipt);
        var blobs = counts.Functions.Single(c => c.FunctionId == "conformance-blob");
        Assert.Equal(0, receipts.Failed);
        if (store.KeepsSucceededRuns)
        {
            Assert.Equal((2, 0), (receipts.Succeeded, blobs.Succeeded));
        }
        else
        {
            Assert.Null(receipts.Succeeded);
            Assert.Null(blobs.Succeeded);
            AssertSaysSucceededRunsAreNotKept(counts.Incomplete);
        }

        var failed = await app.Runs.ListAsync(new RunQuery { EventId = sent[0].EventId, Statuses = new HashSet<RunStatus> { RunStatus.Failed } });
        ConformanceLog.Fix(sent[0].Key);
        var replay = await app.Runs.ReplayAsync(Assert.Single(failed.Runs).RunId);
        await EndedAsync(store, app, [replay.RunId]);

        Assert.Equal(1, Charge(await app.Runs.CountAsync()).Failed);
    }

    [Fact]
    public async Task Events_are_listed_newest_first_with_their_runs()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();
        var sent = await SendFailingOrdersAsync(store, app, 3);

        var page = await app.Runs.ListEventsAsync(new EventQuery { Name = "conformance/order", Limit = 2 });
        var rest = await app.Runs.ListEventsAsync(new EventQuery { Name = "conformance/order", Limit = 2, Cursor = page.NextCursor });
        var one = await app.Runs.ListEventsAsync(new EventQuery { EventId = sent[1].EventId });

        Assert.Equal(sent.Select(s => s.EventId).Reverse(), page.Events.Concat(rest.Events).Select(e => e.Id));
        Assert.Null(rest.NextCursor);
        var listed = Assert.Single(one.Events);
        Assert.Equal("conformance/order", listed.Name);
        Assert.Contains(listed.Runs, r => r.FunctionId == ConformanceFunctions.Charge && r.Status == RunStatus.Failed && sent[1].RunIds.Contains(r.RunId));
        if (store.KeepsSucceededRuns)
        {
            Assert.Equal(sent[1].RunIds.Order(), listed.Runs.Select(r => r.RunId).Order());
        }
        else
        {
            Assert.DoesNotContain(listed.Runs, r => r.FunctionId == ConformanceFunctions.Receipt);
            AssertSaysSucceededRunsAreNotKept(one.Incomplete);
        }
    }

    [Fact]
    public async Task A_page_size_out_of_range_or_a_cursor_the_store_did_not_write_is_refused()
    {
        await using var store = CreateStore();
        await using var app = await store.StartAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => app.Runs.ListAsync(new RunQuery { Limit = 0 }).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => app.Runs.ListAsync(new RunQuery { Limit = RunQuery.MaxLimit + 1 }).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => app.Runs.ListEventsAsync(new EventQuery { Limit = 0 }).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => app.Runs.ListAsync(new RunQuery { Cursor = "not-a-cursor" }).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => app.Runs.ListEventsAsync(new EventQuery { Cursor = "" }).AsTask());
        Assert.Empty((await app.Runs.ListAsync(new RunQuery { Limit = RunQuery.MaxLimit, Statuses = new HashSet<RunStatus> { RunStatus.Failed } })).Runs);
    }

    /// <summary>Sends orders whose charge fails for good at its first attempt and whose receipt succeeds, one after another, and waits for all their runs.</summary>
    private static async Task<SentOrder[]> SendFailingOrdersAsync(ConformanceStore store, ConformanceApp app, int count)
    {
        var sent = new SentOrder[count];
        for (var i = 0; i < count; i++)
        {
            var key = NewKey();
            var result = await app.Sender.SendAsync(new ConformanceOrder(key, FailFirst: 99, NonRetriable: true));
            sent[i] = new SentOrder(key, result.EventId, result.RunIds);
            await EndedAsync(store, app, result.RunIds);
        }

        return sent;
    }

    private static async Task EndedAsync(ConformanceStore store, ConformanceApp app, IReadOnlyList<string> runIds)
    {
        var completions = runIds.Select(id => app.Runs.WaitForCompletionAsync(id)).ToArray();
        var all = Task.WhenAll(completions);
        await store.UntilAsync(() => Task.FromResult(all.IsCompleted), "the runs end");
        await all.WaitAsync(WaitBound);
    }

    private static FunctionRunCounts Charge(RunCounts counts) => counts.Functions.Single(c => c.FunctionId == ConformanceFunctions.Charge);

    private static void AssertSaysSucceededRunsAreNotKept(IReadOnlyList<ListingGap> gaps) =>
        Assert.Contains(gaps, g => g.Kind == ListingGapKind.NotKept && g.Statuses.Contains(RunStatus.Succeeded) && g.Reason.Length > 0);

    private static string Describe(IReadOnlyList<ListingGap> gaps) => string.Join("; ", gaps.Select(g => $"{g.Kind}: {g.Reason}"));

    private sealed record SentOrder(string Key, string EventId, IReadOnlyList<string> RunIds);
}
