using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;

namespace AttrFanout.Sqlite.Flow;

/// <summary>
/// Cancels a run inside the write transaction: a run not executing (pending, deferred, waiting for a retry, or leased by
/// an owner whose lease ended) ends cancelled at once and is never leased again; an executing run gets a cancel request,
/// which every process's watch reads; a run that ended is left as it is.
/// </summary>
internal sealed class CancelRunOperation(string runId, string reason, DateTimeOffset now) : WriteOperation<bool>
{
    private static readonly Statement CancelWaiting = new(
        """
        UPDATE runs SET status = 5, attempt = MAX(attempt - 1, 0), reason = $reason, lease_owner = NULL, lease_until = NULL,
            updated_at = $now, finished_at = $now
        WHERE id = $id AND (status = 0 OR (status = 1 AND lease_until <= $now))
        """,
        "$reason", "$now", "$id");

    private static readonly Statement RequestStop = new(
        """
        INSERT INTO cancel_requests (run_id, reason, requested_at) SELECT id, $reason, $now FROM runs WHERE id = $id AND status = 1
        ON CONFLICT (run_id) DO NOTHING
        """,
        "$reason", "$now", "$id");

    /// <summary>Returns whether the run was cancelled at once.</summary>
    protected override bool Run(WriteContext context)
    {
        var at = UnixTime.ToStored(now);
        if (context.Statements.Native(CancelWaiting).Bind(0, reason).Bind(1, at).Bind(2, runId).ExecuteNonQuery() == 1)
        {
            return true;
        }

        context.Statements.Native(RequestStop).Bind(0, reason).Bind(1, at).Bind(2, runId).ExecuteNonQuery();
        return false;
    }
}
