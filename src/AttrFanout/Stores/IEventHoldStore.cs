namespace AttrFanout.Stores;

/// <summary>
/// Where the events held by debounces and batches (<see cref="DebounceAttribute"/>, <see cref="BatchAttribute"/>) wait for
/// their run, one record per function and key (<see cref="IFanoutStore.Holds"/>). The engine decides what a hold holds and
/// when it is due; the store only keeps the records, atomically against every process sharing it: each write names the
/// version it read, and fails when another process wrote since.
/// </summary>
public interface IEventHoldStore
{
    /// <summary>Gets the hold of <paramref name="functionId"/> for <paramref name="key"/>, or <see langword="null"/> when there is none.</summary>
    /// <param name="functionId">The function.</param>
    /// <param name="key">The hold's key (<see cref="FlowControl.RunKeys.Hold"/>); empty for a function without a key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<StoredHold?> GetAsync(string functionId, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="hold"/> when the stored record is still at <paramref name="expectedVersion"/>
    /// (<c>0</c>: when there is none yet).
    /// </summary>
    /// <param name="hold">The new record; its <see cref="StoredHold.Version"/> is ignored.</param>
    /// <param name="expectedVersion">The version read before, or <c>0</c> for a new hold.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Whether the record was written; <see langword="false"/> when another write came first.</returns>
    ValueTask<bool> TryWriteAsync(StoredHold hold, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes the hold when the stored record is still at <paramref name="expectedVersion"/>.</summary>
    /// <param name="functionId">The function.</param>
    /// <param name="key">The hold's key.</param>
    /// <param name="expectedVersion">The version read before.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>Whether the record was deleted; <see langword="false"/> when another write came first.</returns>
    ValueTask<bool> TryDeleteAsync(string functionId, string key, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Lists every hold with its due time, so that any process can run the due ones.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    ValueTask<IReadOnlyList<HoldDue>> ListAsync(CancellationToken cancellationToken);
}
