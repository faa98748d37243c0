using AttrFanout.Stores;

namespace AttrFanout.Sqlite.Flow;

/// <summary>
/// The flow-control state on the SQLite file (<see cref="IFlowControlStore"/>): slots in <c>flow_slots</c>, rate buckets
/// in <c>rate_buckets</c>, each operation one write transaction (<c>BEGIN IMMEDIATE</c>), so every process sharing the
/// file agrees.
/// </summary>
internal sealed class SqliteFlowControlStore(SqliteRunStore store) : IFlowControlStore
{
    public async ValueTask<bool> TryAcquireSlotAsync(string slot, int limit, string holder, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        await store.TryAcquireSlotAsync(slot, limit, holder, now, leaseUntil, cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> RenewSlotAsync(string slot, string holder, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        await store.RenewSlotAsync(slot, holder, leaseUntil, cancellationToken).ConfigureAwait(false);

    public async ValueTask ReleaseSlotAsync(string slot, string holder, CancellationToken cancellationToken) =>
        await store.ReleaseSlotAsync(slot, holder, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<string>> GetSlotHoldersAsync(string slot, DateTimeOffset now, CancellationToken cancellationToken) =>
        await store.GetSlotHoldersAsync(slot, now, cancellationToken).ConfigureAwait(false);

    public async ValueTask<DateTimeOffset?> TryTakeRateAsync(string bucket, int limit, TimeSpan period, int burst, DateTimeOffset now, CancellationToken cancellationToken) =>
        await store.TryTakeRateAsync(bucket, limit, period, burst, now, cancellationToken).ConfigureAwait(false);
}
