using AttrFanout.Sqlite.Storage;

namespace AttrFanout.Sqlite.Attempts;

/// <summary>Reads one run's attempts, oldest first: the rows of the <c>attempts</c> table, then the success that ended it.</summary>
internal static class AttemptHistoryQuery
{
    private static readonly Statement ByRun = new(
        """
        SELECT number, started_at, ended_at, outcome, error_type, error_message, stack_trace
        FROM attempts WHERE run_id = $id ORDER BY rowid
        """,
        "$id");

    private static readonly Statement SuccessOf = new(
        "SELECT attempt, attempt_started_at, finished_at FROM runs WHERE id = $id AND status = 2 AND attempt_started_at IS NOT NULL",
        "$id");

    /// <summary>Gives <paramref name="run"/> its attempt history and the count of attempts it lacks.</summary>
    public static FunctionRun WithHistory(StatementCache statements, FunctionRun run)
    {
        var history = new List<RunAttempt>();
        using (var reader = statements.Get(ByRun).Bind(0, run.RunId).ExecuteReader())
        {
            while (reader.Read())
            {
                history.Add(new RunAttempt(
                    reader.GetInt32(0),
                    UnixTime.FromStored(reader.GetInt64(1)),
                    UnixTime.FromStored(reader.GetInt64(2)),
                    (RunAttemptOutcome)reader.GetInt32(3))
                {
                    ErrorType = reader.GetStringOrNull(4),
                    ErrorMessage = reader.GetStringOrNull(5),
                    StackTrace = reader.GetStringOrNull(6),
                });
            }
        }

        if (run.Status == RunStatus.Succeeded)
        {
            using var reader = statements.Get(SuccessOf).Bind(0, run.RunId).ExecuteReader();
            if (reader.Read())
            {
                history.Add(new RunAttempt(reader.GetInt32(0), UnixTime.FromStored(reader.GetInt64(1)), UnixTime.FromStored(reader.GetInt64(2)), RunAttemptOutcome.Succeeded));
            }
        }

        return run with { AttemptHistory = history, AttemptsNotKept = Stores.RunAttempts.NotKept(run.Attempts, history) };
    }
}
