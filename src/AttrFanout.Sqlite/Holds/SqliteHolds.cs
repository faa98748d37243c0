using AttrFanout.Stores;

namespace AttrFanout.Sqlite.Holds;

/// <summary>
/// The holds of debounces and batches in the table <c>event_holds</c> of the SQLite file: one row per function and key,
/// its events as JSON, its due time and a version; each operation is one write transaction, so every process sharing the
/// file agrees, and a write names the version it read.
/// </summary>
internal sealed class SqliteHolds(SqliteRunStore store) : IEventHoldStore
{
    public async ValueTask<StoredHold?> GetAsync(string functionId, string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await store.Writer.EnqueueAsync(new ReadHoldOperation(functionId, key)).ConfigureAwait(false);
    }

    public async ValueTask<bool> TryWriteAsync(StoredHold hold, long expectedVersion, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await store.Writer.EnqueueAsync(new WriteHoldOperation(hold, expectedVersion)).ConfigureAwait(false);
    }

    public async ValueTask<bool> TryDeleteAsync(string functionId, string key, long expectedVersion, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await store.Writer.EnqueueAsync(new DeleteHoldOperation(functionId, key, expectedVersion)).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<HoldDue>> ListAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await store.Writer.EnqueueAsync(new ListHoldsOperation()).ConfigureAwait(false);
    }
}
