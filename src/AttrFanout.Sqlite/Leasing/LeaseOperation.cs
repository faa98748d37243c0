using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;

namespace AttrFanout.Sqlite.Leasing;

/// <summary>
/// Leases up to a number of runs that are available now: pending and due, or leased with an expired lease.
/// One UPDATE … RETURNING inside the write transaction, so two owners never get the same run.
/// </summary>
internal sealed class LeaseOperation(string owner, int maxRuns, TimeSpan leaseDuration) : WriteOperation<IReadOnlyList<LeasedRun>>
{
    internal static readonly Statement Lease = new(
        """
        UPDATE runs SET status = 1, attempt_leases = attempt_leases + 1, lease_owner = $owner, lease_until = $until, updated_at = $now
        WHERE id IN (SELECT id FROM runs WHERE available_at <= $now ORDER BY available_at LIMIT $max)
        RETURNING id, function_id, attempt, max_attempts, lease_until, attempt_leases,
            (SELECT e.id FROM events e WHERE e.seq = runs.event_seq),
            (SELECT e.name FROM events e WHERE e.seq = runs.event_seq),
            (SELECT e.timestamp FROM events e WHERE e.seq = runs.event_seq),
            (SELECT e.payload FROM events e WHERE e.seq = runs.event_seq)
        """,
        "$owner", "$until", "$now", "$max");

    protected override IReadOnlyList<LeasedRun> Run(WriteContext context)
    {
        var until = UnixTime.ToStored(context.Now + leaseDuration);
        var runs = new List<LeasedRun>();
        using var reader = context.Statements.Get(Lease).Bind(0, owner).Bind(1, until).Bind(2, context.NowStored).Bind(3, maxRuns).ExecuteReader();
        while (reader.Read())
        {
            runs.Add(new LeasedRun(
                RunId: reader.GetString(0),
                FunctionId: reader.GetString(1),
                Attempt: reader.GetInt32(2),
                MaxAttempts: reader.GetInt32(3),
                LeaseUntil: UnixTime.FromStored(reader.GetInt64(4)),
                AttemptLeases: reader.GetInt32(5),
                EventId: reader.GetString(6),
                EventName: reader.GetString(7),
                EventTimestamp: UnixTime.FromStored(reader.GetInt64(8)),
                Payload: reader.GetBytes(9)));
        }

        return runs;
    }
}
