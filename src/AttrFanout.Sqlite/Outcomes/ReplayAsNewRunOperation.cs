using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;

namespace AttrFanout.Sqlite.Outcomes;

/// <summary>
/// Replays a failed run as a new pending run of the same function and event, due now at attempt 1, and marks the
/// failed run replayed (the replay keeps the run's flow-control keys and priority); false when no failed, not yet replayed run has the Id.
/// </summary>
internal sealed class ReplayAsNewRunOperation(string runId, string newRunId) : WriteOperation<bool>
{
    private static readonly Statement Insert = new(
        """
        INSERT INTO runs (id, event_seq, function_id, status, attempt, max_attempts, due_at, created_at, updated_at, replay_of, keys, priority)
        SELECT $new_id, event_seq, function_id, 0, 1, max_attempts, $now, $now, $now, id, keys, priority
        FROM runs WHERE id = $id AND status = 3 AND replayed_by IS NULL
        """,
        "$new_id", "$now", "$id");

    private static readonly Statement MarkReplayed = new(
        "UPDATE runs SET replayed_by = $new_id, updated_at = $now WHERE id = $id",
        "$new_id", "$now", "$id");

    protected override bool Run(WriteContext context)
    {
        if (context.Statements.Native(Insert).Bind(0, newRunId).Bind(1, context.NowStored).Bind(2, runId).ExecuteNonQuery() == 0)
        {
            return false;
        }

        context.Statements.Native(MarkReplayed).Bind(0, newRunId).Bind(1, context.NowStored).Bind(2, runId).ExecuteNonQuery();
        return true;
    }
}
