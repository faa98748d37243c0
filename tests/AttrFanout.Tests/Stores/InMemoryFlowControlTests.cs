using AttrFanout.Stores.InMemory;

namespace AttrFanout.Tests.Stores;

public sealed class InMemoryFlowControlTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_slot_allows_its_limit_of_holders_and_a_holder_that_takes_it_again_keeps_its_place()
    {
        var store = new InMemoryFlowControl();

        Assert.True(await store.TryAcquireSlotAsync("c:f:k", 2, "run-1", Now, Now + Lease, default));
        Assert.True(await store.TryAcquireSlotAsync("c:f:k", 2, "run-2", Now, Now + Lease, default));
        Assert.True(await store.TryAcquireSlotAsync("c:f:k", 2, "run-1", Now, Now + Lease, default));
        Assert.False(await store.TryAcquireSlotAsync("c:f:k", 2, "run-3", Now, Now + Lease, default));
        Assert.True(await store.TryAcquireSlotAsync("c:f:other", 2, "run-3", Now, Now + Lease, default));
        Assert.Equal(["run-1", "run-2"], (await store.GetSlotHoldersAsync("c:f:k", Now, default)).Order());

        await store.ReleaseSlotAsync("c:f:k", "run-1", default);

        Assert.True(await store.TryAcquireSlotAsync("c:f:k", 2, "run-3", Now, Now + Lease, default));
    }

    [Fact]
    public async Task A_holder_that_stops_renewing_gives_its_slot_back_when_its_lease_runs_out_and_a_renewed_one_keeps_it()
    {
        var store = new InMemoryFlowControl();
        await store.TryAcquireSlotAsync("s:f:k", 1, "killed", Now, Now + Lease, default);
        await store.TryAcquireSlotAsync("s:f:r", 1, "alive", Now, Now + Lease, default);

        var later = Now + TimeSpan.FromSeconds(20);
        Assert.True(await store.RenewSlotAsync("s:f:r", "alive", later + Lease, default));
        Assert.False(await store.TryAcquireSlotAsync("s:f:k", 1, "next", later, later + Lease, default));

        var afterLease = Now + Lease + TimeSpan.FromSeconds(1);
        Assert.Empty(await store.GetSlotHoldersAsync("s:f:k", afterLease, default));
        Assert.True(await store.TryAcquireSlotAsync("s:f:k", 1, "next", afterLease, afterLease + Lease, default));
        Assert.False(await store.TryAcquireSlotAsync("s:f:r", 1, "next", afterLease, afterLease + Lease, default));
        Assert.False(await store.RenewSlotAsync("s:f:k", "killed", afterLease + Lease, default));
    }

    [Fact]
    public async Task A_rate_bucket_counts_a_start_only_when_it_conforms()
    {
        var store = new InMemoryFlowControl();

        Assert.Null(await store.TryTakeRateAsync("r:f:k", 1, TimeSpan.FromSeconds(10), 1, Now, default));
        Assert.Equal(Now + TimeSpan.FromSeconds(10), await store.TryTakeRateAsync("r:f:k", 1, TimeSpan.FromSeconds(10), 1, Now + TimeSpan.FromSeconds(3), default));
        Assert.Equal(Now + TimeSpan.FromSeconds(10), await store.TryTakeRateAsync("r:f:k", 1, TimeSpan.FromSeconds(10), 1, Now + TimeSpan.FromSeconds(6), default));
        Assert.Null(await store.TryTakeRateAsync("r:f:k", 1, TimeSpan.FromSeconds(10), 1, Now + TimeSpan.FromSeconds(10), default));
        Assert.Null(await store.TryTakeRateAsync("r:f:other", 1, TimeSpan.FromSeconds(10), 1, Now, default));
    }
}
