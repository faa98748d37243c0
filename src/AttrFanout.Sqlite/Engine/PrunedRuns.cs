using AttrFanout.Sqlite.Storage;

namespace AttrFanout.Sqlite.Engine;

/// <summary>
/// Says what retention may have pruned from the file, for a listing or a count: succeeded runs once the file holds an
/// event older than <see cref="SqliteStoreOptions.RetentionPeriod"/>, failed ones once it holds one older than
/// <see cref="SqliteStoreOptions.FailedRetentionPeriod"/>, and both once an event was deleted (the first sequence is gone).
/// Two reads of the primary key and of <c>events_by_accepted_at</c>.
/// </summary>
internal static class PrunedRuns
{
    internal static readonly Statement FirstSequence = new("SELECT min(seq) FROM events");

    internal static readonly Statement AcceptedBefore = new("SELECT EXISTS (SELECT 1 FROM events WHERE accepted_at <= $cutoff)", "$cutoff");

    public static List<ListingGap> Gaps(StatementCache statements, SqliteStoreOptions options, DateTimeOffset now, Func<RunStatus, bool> includes)
    {
        List<ListingGap> gaps = [];
        var eventsDeleted = statements.Get(FirstSequence).ExecuteScalar() is long first && first > 1;
        if (includes(RunStatus.Succeeded) && (eventsDeleted || HasEventsBefore(statements, now - options.RetentionPeriod)))
        {
            gaps.Add(new ListingGap(
                ListingGapKind.OldestForgotten,
                $"succeeded runs are pruned from the file {options.RetentionPeriod} after they end (RetentionPeriod): older ones may be gone",
                [RunStatus.Succeeded]));
        }

        if (includes(RunStatus.Failed) && options.FailedRetentionPeriod is { } failedRetention && (eventsDeleted || HasEventsBefore(statements, now - failedRetention)))
        {
            gaps.Add(new ListingGap(
                ListingGapKind.OldestForgotten,
                $"failed runs are pruned from the file {failedRetention} after they fail (FailedRetentionPeriod), replayed ones after RetentionPeriod: older ones may be gone",
                [RunStatus.Failed]));
        }

        return gaps;
    }

    private static bool HasEventsBefore(StatementCache statements, DateTimeOffset cutoff) =>
        statements.Get(AcceptedBefore).Bind(0, UnixTime.ToStored(cutoff)).ExecuteScalar() is long exists && exists != 0;
}
