using AttrFanout.Nats.Store;
using AttrFanout.Stores;

namespace AttrFanout.Nats.Holds;

/// <summary>The store's <see cref="IEventHoldStore"/>: opens the session on first use, then uses its flow bucket.</summary>
internal sealed class SessionHolds(NatsJetStreamStore store) : IEventHoldStore
{
    public async ValueTask<StoredHold?> GetAsync(string functionId, string key, CancellationToken cancellationToken) =>
        await (await store.OpenAsync(cancellationToken).ConfigureAwait(false)).Holds.GetAsync(functionId, key, cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> TryWriteAsync(StoredHold hold, long expectedVersion, CancellationToken cancellationToken) =>
        await (await store.OpenAsync(cancellationToken).ConfigureAwait(false)).Holds.TryWriteAsync(hold, expectedVersion, cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> TryDeleteAsync(string functionId, string key, long expectedVersion, CancellationToken cancellationToken) =>
        await (await store.OpenAsync(cancellationToken).ConfigureAwait(false)).Holds.TryDeleteAsync(functionId, key, expectedVersion, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<HoldDue>> ListAsync(CancellationToken cancellationToken) =>
        await (await store.OpenAsync(cancellationToken).ConfigureAwait(false)).Holds.ListAsync(cancellationToken).ConfigureAwait(false);
}
