namespace AttrFanout.Sqlite.Tests;

public sealed class LeaseTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Lease_returns_due_runs_with_their_event_and_leases_each_once()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var accepted = await store.AcceptAsync(Events.Create("e-1", "user/signup", "a", "b"));

        var leased = await store.LeaseDueAsync("owner-1", 10, LeaseDuration);
        var again = await store.LeaseDueAsync("owner-2", 10, LeaseDuration);

        Assert.Equal(accepted.RunIds.Order(), leased.Select(r => r.RunId).Order());
        Assert.Empty(again);
        var run = leased.Single(r => r.FunctionId == "a");
        Assert.Equal("e-1", run.EventId);
        Assert.Equal("user/signup", run.EventName);
        Assert.Equal(TestDatabase.Start, run.EventTimestamp);
        Assert.Equal("{\"id\":\"e-1\"}"u8.ToArray(), run.Payload);
        Assert.Equal(1, run.Attempt);
        Assert.Equal(1, run.AttemptLeases);
        Assert.Equal(5, run.MaxAttempts);
        Assert.Equal(TestDatabase.Start + LeaseDuration, run.LeaseUntil);
        var stored = await store.GetRunAsync(run.RunId);
        Assert.Equal(StoredRunStatus.Leased, stored!.Status);
        Assert.Equal("owner-1", stored.LeaseOwner);
    }

    [Fact]
    public async Task Lease_takes_at_most_the_requested_number_oldest_due_first()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var first = await store.AcceptAsync(Events.Create("e-1", "user/signup", "a"));
        db.Time.Advance(TimeSpan.FromSeconds(1));
        await store.AcceptAsync(Events.Create("e-2", "user/signup", "a"));

        var leased = await store.LeaseDueAsync("owner-1", 1, LeaseDuration);

        Assert.Equal(first.RunIds, leased.Select(r => r.RunId));
    }

    [Fact]
    public async Task An_expired_lease_makes_the_run_leasable_again_and_the_old_owner_loses_it()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        await store.AcceptAsync(Events.Create("e-1", "user/signup", "a"));
        var run = Assert.Single(await store.LeaseDueAsync("owner-1", 10, LeaseDuration));

        db.Time.Advance(LeaseDuration - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await store.LeaseDueAsync("owner-2", 10, LeaseDuration));

        db.Time.Advance(TimeSpan.FromMilliseconds(1));
        var retaken = Assert.Single(await store.LeaseDueAsync("owner-2", 10, LeaseDuration));

        Assert.Equal(run.RunId, retaken.RunId);
        Assert.Equal(run.Attempt, retaken.Attempt);
        Assert.Equal(2, retaken.AttemptLeases);
        Assert.False(await store.RecordOutcomeAsync(run.RunId, "owner-1", RunOutcome.Succeeded.Instance));
        Assert.False(await store.RenewLeaseAsync(run.RunId, "owner-1", LeaseDuration));
        Assert.True(await store.RecordOutcomeAsync(run.RunId, "owner-2", RunOutcome.Succeeded.Instance));
    }

    [Fact]
    public async Task Renewing_a_lease_keeps_others_away_until_the_new_expiry()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        await store.AcceptAsync(Events.Create("e-1", "user/signup", "a"));
        var run = Assert.Single(await store.LeaseDueAsync("owner-1", 10, LeaseDuration));

        db.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await store.RenewLeaseAsync(run.RunId, "owner-1", LeaseDuration));
        db.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(await store.LeaseDueAsync("owner-2", 10, LeaseDuration));
        db.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Single(await store.LeaseDueAsync("owner-2", 10, LeaseDuration));
    }

    [Fact]
    public async Task Releasing_an_owners_leases_makes_its_runs_pending_at_once_and_leaves_others()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        await store.AcceptAsync(Events.Create("e-1", "user/signup", "a", "b", "c"));
        var mine = await store.LeaseDueAsync("owner-1", 2, LeaseDuration);
        var theirs = Assert.Single(await store.LeaseDueAsync("owner-2", 2, LeaseDuration));

        var released = await store.ReleaseLeasesAsync("owner-1");
        var retaken = await store.LeaseDueAsync("owner-3", 10, LeaseDuration);

        Assert.Equal(2, released);
        Assert.Equal(mine.Select(r => r.RunId).Order(), retaken.Select(r => r.RunId).Order());
        Assert.Equal("owner-2", (await store.GetRunAsync(theirs.RunId))!.LeaseOwner);
        Assert.All(retaken, r => Assert.Equal((1, 1), (r.Attempt, r.AttemptLeases)));
    }

    [Fact]
    public async Task Two_stores_on_one_file_never_lease_the_same_run()
    {
        await using var db = new TestDatabase();
        var writer = db.Open();
        var accepts = Enumerable.Range(0, 500).Select(i => writer.AcceptAsync(Events.Create($"e-{i}", "user/signup", "a", "b"))).ToArray();
        await Task.WhenAll(accepts);
        var first = db.Open();
        var second = db.Open();

        var (firstRuns, secondRuns) = (new List<string>(), new List<string>());

        while (true)
        {
            Task<IReadOnlyList<LeasedRun>> fromFirst, fromSecond;
            using (first.Writer.HoldBatches())
            using (second.Writer.HoldBatches())
            {
                fromFirst = first.LeaseDueAsync("owner-1", 7, LeaseDuration);
                fromSecond = second.LeaseDueAsync("owner-2", 7, LeaseDuration);
            }

            var round = await Task.WhenAll(fromFirst, fromSecond);
            if (round[0].Count + round[1].Count == 0)
            {
                break;
            }

            firstRuns.AddRange(round[0].Select(r => r.RunId));
            secondRuns.AddRange(round[1].Select(r => r.RunId));
            Assert.True(firstRuns.Count + secondRuns.Count <= 1000, "more runs leased than exist");
        }

        Assert.Empty(firstRuns.Intersect(secondRuns));
        Assert.Equal(1000, firstRuns.Concat(secondRuns).Distinct().Count());
        Assert.Equal(1000, firstRuns.Count + secondRuns.Count);
        Assert.True(firstRuns.Count >= 497 && secondRuns.Count >= 497, $"each store leased in every round: {firstRuns.Count} and {secondRuns.Count}");
    }
}
