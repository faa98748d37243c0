using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;

namespace AttrFanout.Sqlite.Attempts;

/// <summary>
/// Writes a run's attempts into the <c>attempts</c> table (schema 8), inside the transaction that records the outcome,
/// keeping the latest <see cref="Stores.RunAttempts.DefaultLimit"/> of each run. A success is not written here: it ends the
/// run, whose row keeps its start (<c>attempt_started_at</c>) and end, so a first-attempt success costs no extra row.
/// </summary>
internal static class AttemptRows
{
    private static readonly Statement Insert = new(
        """
        INSERT INTO attempts (run_id, number, started_at, ended_at, outcome, error_type, error_message, stack_trace)
        VALUES ($id, $number, $started, $ended, $outcome, $error_type, $error_message, $stack_trace)
        """,
        "$id", "$number", "$started", "$ended", "$outcome", "$error_type", "$error_message", "$stack_trace");

    private static readonly Statement TrimToLimit = new(
        $"""
        DELETE FROM attempts WHERE run_id = $id AND rowid NOT IN (
            SELECT rowid FROM attempts WHERE run_id = $id ORDER BY rowid DESC LIMIT {Stores.RunAttempts.DefaultLimit})
        """,
        "$id");

    public static void Write(WriteContext context, string runId, RunAttempt attempt)
    {
        context.Statements.Native(Insert)
            .Bind(0, runId)
            .Bind(1, attempt.Number)
            .Bind(2, UnixTime.ToStored(attempt.StartedAt))
            .Bind(3, UnixTime.ToStored(attempt.EndedAt))
            .Bind(4, (long)attempt.Outcome)
            .Bind(5, attempt.ErrorType)
            .Bind(6, attempt.ErrorMessage)
            .Bind(7, attempt.StackTrace)
            .ExecuteNonQuery();
        if (attempt.Number > Stores.RunAttempts.DefaultLimit)
        {
            context.Statements.Native(TrimToLimit).Bind(0, runId).ExecuteNonQuery();
        }
    }
}
