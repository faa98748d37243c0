using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;

namespace AttrFanout.Sqlite.Flow;

/// <summary>
/// Ends a run cancelled when it went back to waiting (deferred, a retry scheduled, handed back) while a cancel request
/// for it was pending: the request was made while the run was leased, and it must not run again.
/// </summary>
internal static class RequestedCancels
{
    private static readonly Statement Apply = new(
        """
        UPDATE runs SET status = 5, attempt = MAX(attempt - 1, 0), reason = c.reason, updated_at = $now, finished_at = $now
        FROM cancel_requests c WHERE c.run_id = runs.id AND runs.id = $id AND runs.status = 0
        """,
        "$now", "$id");

    private static readonly Statement Forget = new("DELETE FROM cancel_requests WHERE run_id = $id", "$id");

    /// <summary>Applies a pending cancel request of <paramref name="runId"/>, if any; returns whether the run ended cancelled.</summary>
    public static bool ApplyTo(WriteContext context, string runId)
    {
        if (context.Statements.Native(Apply).Bind(0, context.NowStored).Bind(1, runId).ExecuteNonQuery() == 0)
        {
            return false;
        }

        context.Statements.Native(Forget).Bind(0, runId).ExecuteNonQuery();
        return true;
    }
}
