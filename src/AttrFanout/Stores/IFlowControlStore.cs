namespace AttrFanout.Stores;

/// <summary>
/// The shared state flow control keeps across every process sharing a store (<see cref="IFanoutStore.FlowControl"/>):
/// counted slots under leases (concurrency, singleton) and rate buckets (throttle, rate limit). Every operation is atomic
/// against every other process. The engine decides what to do with the answers; the store only keeps the state, in its
/// own engine (memory, SQLite tables, a JetStream KeyValue bucket).
/// </summary>
public interface IFlowControlStore
{
    /// <summary>
    /// Takes one of the <paramref name="limit"/> slots named <paramref name="slot"/> for <paramref name="holder"/> until
    /// <paramref name="leaseUntil"/>. Holders whose lease ran out before <paramref name="now"/> do not count (a killed
    /// process gives its slots back when their leases run out). A holder that already holds the slot keeps it, its lease extended.
    /// </summary>
    /// <param name="slot">The slot's name, e.g. <c>c:summarize:acct-1</c>.</param>
    /// <param name="limit">How many holders the slot allows.</param>
    /// <param name="holder">Who takes it: a run's Id.</param>
    /// <param name="now">The current time.</param>
    /// <param name="leaseUntil">Until when the slot is held unless renewed or released.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether <paramref name="holder"/> holds the slot now.</returns>
    ValueTask<bool> TryAcquireSlotAsync(string slot, int limit, string holder, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Extends <paramref name="holder"/>'s lease on <paramref name="slot"/>.</summary>
    /// <param name="slot">The slot's name.</param>
    /// <param name="holder">The holder.</param>
    /// <param name="leaseUntil">The new end of the lease.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether <paramref name="holder"/> still held the slot.</returns>
    ValueTask<bool> RenewSlotAsync(string slot, string holder, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Gives <paramref name="holder"/>'s slot back; nothing when it holds none.</summary>
    /// <param name="slot">The slot's name.</param>
    /// <param name="holder">The holder.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    ValueTask ReleaseSlotAsync(string slot, string holder, CancellationToken cancellationToken);

    /// <summary>Lists the holders of <paramref name="slot"/> whose lease has not run out at <paramref name="now"/>.</summary>
    /// <param name="slot">The slot's name.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    ValueTask<IReadOnlyList<string>> GetSlotHoldersAsync(string slot, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Decides a start against the rate bucket <paramref name="bucket"/> with <see cref="FlowControl.Gcra.Decide"/>, atomically: when it
    /// conforms, stores the bucket's new theoretical arrival time and returns <see langword="null"/>; otherwise stores
    /// nothing and returns when a start would conform.
    /// </summary>
    /// <param name="bucket">The bucket's name, e.g. <c>t:notify:acct-1</c>.</param>
    /// <param name="limit">Starts per period.</param>
    /// <param name="period">The period.</param>
    /// <param name="burst">Starts allowed at once.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="null"/> when the start conforms (and was counted), else the earliest time it would.</returns>
    ValueTask<DateTimeOffset?> TryTakeRateAsync(string bucket, int limit, TimeSpan period, int burst, DateTimeOffset now, CancellationToken cancellationToken);
}
