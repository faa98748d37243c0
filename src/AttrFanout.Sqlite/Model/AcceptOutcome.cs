namespace AttrFanout.Sqlite;

/// <summary>What an accept did.</summary>
/// <param name="IsDuplicate">Whether the event Id was already accepted within the window, so nothing was written.</param>
/// <param name="RunIds">
/// The runs, in the order of <see cref="EventToAccept.Runs"/>; for a duplicate, the original event's runs still stored; for a
/// run whose idempotency key another run holds, that run's Id.
/// </param>
/// <param name="AcceptedAt">When the transaction that stored the event began; leases taken on accept run from it.</param>
/// <param name="Created">
/// The positions of the runs created, when some were not (their idempotency key was taken); <see langword="null"/> when
/// every run was created.
/// </param>
internal sealed record AcceptOutcome(bool IsDuplicate, IReadOnlyList<string> RunIds, DateTimeOffset AcceptedAt = default, IReadOnlyList<int>? Created = null)
{
    /// <summary>Gets whether the run at <paramref name="index"/> was created by this accept.</summary>
    public bool WasCreated(int index) => !IsDuplicate && (Created is null || Created.Contains(index));
}
