using AttrFanout.Stores;

namespace AttrFanout.Nats.Store;

/// <summary>The store's <see cref="IFlowControlStore"/>: opens the session on first use, then uses its flow bucket.</summary>
internal sealed class SessionFlowControl(NatsJetStreamStore store) : IFlowControlStore
{
    public async ValueTask<bool> TryAcquireSlotAsync(string slot, int limit, string holder, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        await (await store.OpenAsync(cancellationToken).ConfigureAwait(false)).FlowControl.TryAcquireSlotAsync(slot, limit, holder, now, leaseUntil, cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> RenewSlotAsync(string slot, string holder, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        await (await store.OpenAsync(cancellationToken).ConfigureAwait(false)).FlowControl.RenewSlotAsync(slot, holder, leaseUntil, cancellationToken).ConfigureAwait(false);

    public async ValueTask ReleaseSlotAsync(string slot, string holder, CancellationToken cancellationToken) =>
        await (await store.OpenAsync(cancellationToken).ConfigureAwait(false)).FlowControl.ReleaseSlotAsync(slot, holder, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<string>> GetSlotHoldersAsync(string slot, DateTimeOffset now, CancellationToken cancellationToken) =>
        await (await store.OpenAsync(cancellationToken).ConfigureAwait(false)).FlowControl.GetSlotHoldersAsync(slot, now, cancellationToken).ConfigureAwait(false);

    public async ValueTask<DateTimeOffset?> TryTakeRateAsync(string bucket, int limit, TimeSpan period, int burst, DateTimeOffset now, CancellationToken cancellationToken) =>
        await (await store.OpenAsync(cancellationToken).ConfigureAwait(false)).FlowControl.TryTakeRateAsync(bucket, limit, period, burst, now, cancellationToken).ConfigureAwait(false);
}
