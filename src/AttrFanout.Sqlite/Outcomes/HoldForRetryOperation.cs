using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;

namespace AttrFanout.Sqlite.Outcomes;

/// <summary>
/// Records a failed attempt whose retry the owner waits for in process: the owner keeps the lease, the next attempt
/// and its due time are stored, and the lease lasts at least one lease duration past the due time, so no other owner
/// takes the run while this one starts the retry. If the owner dies, the run becomes available when that lease ends.
/// </summary>
internal sealed class HoldForRetryOperation(string runId, string owner, RunOutcome.RetryScheduled retry, TimeSpan leaseDuration) : WriteOperation<bool>
{
    private static readonly Statement Hold = new(
        """
        UPDATE runs SET attempt = $attempt, attempt_leases = 1, due_at = $due, lease_until = MAX(lease_until, $due + $lease),
            error_type = $error_type, error_message = $error_message, updated_at = $now
        WHERE id = $id AND status = 1 AND lease_owner = $owner
        """,
        "$attempt", "$due", "$error_type", "$error_message", "$now", "$id", "$owner", "$lease");

    protected override bool Run(WriteContext context) =>
        context.Statements.Native(Hold)
            .Bind(0, retry.NextAttempt)
            .Bind(1, UnixTime.ToStored(retry.DueAt))
            .Bind(2, retry.Error.Type)
            .Bind(3, retry.Error.Message)
            .Bind(4, context.NowStored)
            .Bind(5, runId)
            .Bind(6, owner)
            .Bind(7, (long)leaseDuration.TotalMilliseconds)
            .ExecuteNonQuery() == 1;
}
