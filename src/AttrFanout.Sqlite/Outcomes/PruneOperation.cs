using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;

namespace AttrFanout.Sqlite.Outcomes;

/// <summary>
/// Deletes succeeded, skipped and cancelled runs and replayed failed runs older than the retention period, failed runs older than the failed-run retention, and
/// events that are past both the retention period and the idempotency window and have no run left; and the flow-control
/// state that ran out (slots whose lease ended, rate buckets whose time passed, idempotency keys past their time, cancel
/// requests of runs that ended).
/// </summary>
internal sealed class PruneOperation(TimeSpan retention, TimeSpan? failedRetention, TimeSpan idempotencyWindow) : WriteOperation<PruneResult>
{
    /// <summary>
    /// Finds old succeeded runs through their events, so no index has to list succeeded runs (every success would
    /// update it): a run finishes no earlier than its event was accepted, so the old ones belong to old events.
    /// </summary>
    internal static readonly Statement PruneSucceeded = new(
        """
        DELETE FROM runs WHERE rowid IN (
            SELECT r.rowid FROM events e CROSS JOIN runs r ON r.event_seq = e.seq
            WHERE e.accepted_at <= $cutoff AND r.status IN (2, 4, 5) AND r.finished_at <= $cutoff)
        """,
        "$cutoff");

    internal static readonly Statement PruneFailed = new(
        "DELETE FROM runs WHERE status = 3 AND finished_at <= $cutoff",
        "$cutoff");

    private static readonly Statement PruneReplayed = new(
        "DELETE FROM runs WHERE status = 3 AND replayed_by IS NOT NULL AND finished_at <= $cutoff",
        "$cutoff");

    internal static readonly Statement PruneEvents = new(
        "DELETE FROM events WHERE accepted_at <= $cutoff AND NOT EXISTS (SELECT 1 FROM runs WHERE runs.event_seq = events.seq)",
        "$cutoff");

    private static readonly Statement PruneSlots = new("DELETE FROM flow_slots WHERE lease_until <= $now", "$now");

    private static readonly Statement PruneRateBuckets = new("DELETE FROM rate_buckets WHERE tat <= $now", "$now");

    internal static readonly Statement PruneIdempotencyKeys = new("DELETE FROM idempotency_keys WHERE until <= $now", "$now");

    private static readonly Statement PruneCancelRequests = new(
        "DELETE FROM cancel_requests WHERE NOT EXISTS (SELECT 1 FROM runs WHERE runs.id = cancel_requests.run_id AND runs.status IN (0, 1))");

    protected override PruneResult Run(WriteContext context)
    {
        context.Statements.Native(PruneSlots).Bind(0, context.NowStored).ExecuteNonQuery();
        context.Statements.Native(PruneRateBuckets).Bind(0, context.NowStored).ExecuteNonQuery();
        context.Statements.Native(PruneIdempotencyKeys).Bind(0, context.NowStored).ExecuteNonQuery();
        context.Statements.Native(PruneCancelRequests).ExecuteNonQuery();
        var succeeded = context.Statements.Native(PruneSucceeded).Bind(0, Cutoff(context, retention)).ExecuteNonQuery();
        var failed = context.Statements.Native(PruneReplayed).Bind(0, Cutoff(context, retention)).ExecuteNonQuery();
        failed += failedRetention is { } keepFailed
            ? context.Statements.Native(PruneFailed).Bind(0, Cutoff(context, keepFailed)).ExecuteNonQuery()
            : 0;
        var eventAge = retention > idempotencyWindow ? retention : idempotencyWindow;
        var events = context.Statements.Native(PruneEvents).Bind(0, Cutoff(context, eventAge)).ExecuteNonQuery();
        return new PruneResult(succeeded, failed, events);
    }

    private static long Cutoff(WriteContext context, TimeSpan age) => UnixTime.ToStored(context.Now - age);
}
