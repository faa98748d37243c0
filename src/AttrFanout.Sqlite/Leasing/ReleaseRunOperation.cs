using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;

namespace AttrFanout.Sqlite.Leasing;

/// <summary>
/// Hands one leased run back to pending at <c>attempt</c>, due at its scheduled time or now, the lease not counted
/// (an attempt interrupted by a graceful shutdown), keeping the interrupted attempt when it executed.
/// </summary>
internal sealed class ReleaseRunOperation(string runId, string owner, int attempt, RunAttempt? interrupted = null) : WriteOperation<bool>
{
    private static readonly Statement Release = new(
        """
        UPDATE runs SET status = 0, attempt = $attempt, attempt_leases = MAX(attempt_leases - 1, 0), due_at = MAX(COALESCE(due_at, $now), $now),
            lease_owner = NULL, lease_until = NULL, updated_at = $now
        WHERE id = $id AND status = 1 AND lease_owner = $owner
        """,
        "$attempt", "$now", "$id", "$owner");

    protected override bool Run(WriteContext context)
    {
        if (context.Statements.Native(Release).Bind(0, attempt).Bind(1, context.NowStored).Bind(2, runId).Bind(3, owner).ExecuteNonQuery() != 1)
        {
            return false;
        }

        if (interrupted is not null)
        {
            Attempts.AttemptRows.Write(context, runId, interrupted);
        }

        Flow.RequestedCancels.ApplyTo(context, runId);
        return true;
    }
}
