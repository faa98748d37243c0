namespace AttrFanout.Sqlite.Tests.Flow;

public sealed class SlotTests
{
    private static readonly DateTimeOffset Now = TestDatabase.Start;

    [Fact]
    public async Task Two_stores_on_one_file_share_a_slot_of_two_and_a_third_holder_is_refused()
    {
        await using var db = new TestDatabase();
        var first = db.Open();
        var second = db.Open();

        Assert.True(await first.TryAcquireSlotAsync("c:f:acct-1", 2, "run-a", Now, Now.AddSeconds(30)));
        Assert.True(await second.TryAcquireSlotAsync("c:f:acct-1", 2, "run-b", Now, Now.AddSeconds(30)));
        Assert.False(await first.TryAcquireSlotAsync("c:f:acct-1", 2, "run-c", Now, Now.AddSeconds(30)));
        Assert.False(await second.TryAcquireSlotAsync("c:f:acct-1", 2, "run-c", Now, Now.AddSeconds(30)));
        Assert.True(await second.TryAcquireSlotAsync("c:f:acct-2", 2, "run-c", Now, Now.AddSeconds(30)));

        Assert.Equal(["run-a", "run-b"], await first.GetSlotHoldersAsync("c:f:acct-1", Now));
    }

    [Fact]
    public async Task Holders_racing_from_two_stores_get_exactly_the_limit()
    {
        await using var db = new TestDatabase();
        var stores = new[] { db.Open(), db.Open() };

        var taken = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            stores[i % 2].TryAcquireSlotAsync("c:f:", 3, $"run-{i}", Now, Now.AddSeconds(30))));

        Assert.Equal(3, taken.Count(t => t));
        Assert.Equal(3, (await stores[0].GetSlotHoldersAsync("c:f:", Now)).Count);
    }

    [Fact]
    public async Task A_holder_whose_lease_ran_out_no_longer_counts()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        Assert.True(await store.TryAcquireSlotAsync("s:f:doc-1", 1, "killed-run", Now, Now.AddSeconds(30)));

        Assert.False(await store.TryAcquireSlotAsync("s:f:doc-1", 1, "next-run", Now.AddSeconds(29.9), Now.AddSeconds(60)));
        Assert.Equal(["killed-run"], await store.GetSlotHoldersAsync("s:f:doc-1", Now.AddSeconds(29.9)));
        Assert.Empty(await store.GetSlotHoldersAsync("s:f:doc-1", Now.AddSeconds(30)));
        Assert.True(await store.TryAcquireSlotAsync("s:f:doc-1", 1, "next-run", Now.AddSeconds(30), Now.AddSeconds(60)));
        Assert.Equal(["next-run"], await store.GetSlotHoldersAsync("s:f:doc-1", Now.AddSeconds(30)));
    }

    [Fact]
    public async Task A_renewed_lease_keeps_the_slot_past_its_first_end_and_a_release_frees_it()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        Assert.True(await store.TryAcquireSlotAsync("c:f:", 1, "run-a", Now, Now.AddSeconds(30)));

        db.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await store.RenewSlotAsync("c:f:", "run-a", Now.AddSeconds(40)));
        Assert.False(await store.TryAcquireSlotAsync("c:f:", 1, "run-b", Now.AddSeconds(35), Now.AddSeconds(65)));

        await store.ReleaseSlotAsync("c:f:", "run-a");
        Assert.True(await store.TryAcquireSlotAsync("c:f:", 1, "run-b", Now.AddSeconds(35), Now.AddSeconds(65)));
        Assert.False(await store.RenewSlotAsync("c:f:", "run-a", Now.AddSeconds(70)));
    }

    [Fact]
    public async Task A_lease_that_ran_out_cannot_be_renewed()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        Assert.True(await store.TryAcquireSlotAsync("c:f:", 1, "run-a", Now, Now.AddSeconds(30)));

        db.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.False(await store.RenewSlotAsync("c:f:", "run-a", Now.AddSeconds(60)));
    }

    [Fact]
    public async Task A_holder_taking_its_slot_again_keeps_it_even_when_the_slot_is_full()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        Assert.True(await store.TryAcquireSlotAsync("c:f:", 2, "run-a", Now, Now.AddSeconds(30)));
        Assert.True(await store.TryAcquireSlotAsync("c:f:", 2, "run-b", Now, Now.AddSeconds(30)));

        Assert.True(await store.TryAcquireSlotAsync("c:f:", 2, "run-a", Now.AddSeconds(20), Now.AddSeconds(50)));

        Assert.Equal(["run-a"], await store.GetSlotHoldersAsync("c:f:", Now.AddSeconds(40)));
    }

    [Fact]
    public async Task Pruning_deletes_slots_whose_lease_ran_out_and_keeps_the_live_ones()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        await store.TryAcquireSlotAsync("c:f:1", 1, "run-a", Now, Now.AddSeconds(30));
        await store.TryAcquireSlotAsync("c:f:2", 1, "run-b", Now, Now.AddSeconds(90));
        db.Time.Advance(TimeSpan.FromSeconds(60));

        await store.PruneAsync();

        using var connection = db.OpenRaw();
        Assert.Equal(["c:f:2 run-b"], SchemaTests.Strings(connection, "SELECT slot || ' ' || holder FROM flow_slots"));
    }
}
