using AttrFanout.Sqlite.Storage;
using Microsoft.Data.Sqlite;
using StoredStatus = AttrFanout.Sqlite.StoredRunStatus;

namespace AttrFanout.Sqlite.Engine;

/// <summary>
/// Counts each function's runs by status: unfinished runs through the partial index <c>runs_by_function</c>, failed ones
/// not yet replayed through the partial index <c>runs_by_failed_at</c>, succeeded ones (kept for the retention period)
/// with a walk of the table, the one count whose cost grows with the file.
/// </summary>
internal static class RunCountQueries
{
    /// <summary>Unfinished runs, grouped by how <see cref="FunctionRunQueries"/> shows them: waiting for a retry, lease ended (shown pending).</summary>
    internal static readonly Statement Unfinished = new("""
        SELECT function_id, status,
            error_type IS NOT NULL AND due_at IS NOT NULL AND (status = 0 OR due_at > $now) AS retry_waiting,
            status = 1 AND lease_until <= $now AS lease_ended,
            count(*)
        FROM runs WHERE available_at IS NOT NULL
        GROUP BY function_id, status, retry_waiting, lease_ended
        """, "$now");

    internal static readonly Statement Failed = new(
        "SELECT function_id, count(*) FROM runs WHERE status = 3 AND replayed_by IS NULL GROUP BY function_id");

    internal static readonly Statement Succeeded = new(
        "SELECT function_id, count(*) FROM runs WHERE status = 2 GROUP BY function_id");

    internal static readonly Statement Skipped = new(
        "SELECT function_id, count(*) FROM runs WHERE status = 4 GROUP BY function_id");

    internal static readonly Statement Cancelled = new(
        "SELECT function_id, count(*) FROM runs WHERE status = 5 GROUP BY function_id");

    public static RunCounts Count(StatementCache statements, DateTimeOffset now)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        using (var reader = statements.Get(Unfinished).Bind(0, UnixTime.ToStored(now)).ExecuteReader())
        {
            while (reader.Read())
            {
                var stored = (StoredStatus)reader.GetInt32(1);
                var status = reader.GetBoolean(2) ? RunStatus.RetryScheduled
                    : stored == StoredStatus.Leased && !reader.GetBoolean(3) ? RunStatus.Running
                    : RunStatus.Pending;
                Of(counts, reader.GetString(0))[(int)status] += reader.GetInt32(4);
            }
        }

        Add(statements.Get(Failed), counts, RunStatus.Failed);
        Add(statements.Get(Succeeded), counts, RunStatus.Succeeded);
        Add(statements.Get(Skipped), counts, RunStatus.Skipped);
        Add(statements.Get(Cancelled), counts, RunStatus.Cancelled);
        return new RunCounts
        {
            Functions = [.. counts.Select(static c => FunctionRunCounts.FromStatusCounts(c.Key, c.Value))],
        };
    }

    private static void Add(SqliteCommand command, Dictionary<string, int[]> counts, RunStatus status)
    {
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            Of(counts, reader.GetString(0))[(int)status] += reader.GetInt32(1);
        }
    }

    private static int[] Of(Dictionary<string, int[]> counts, string functionId)
    {
        if (!counts.TryGetValue(functionId, out var byStatus))
        {
            counts[functionId] = byStatus = new int[(int)RunStatus.Cancelled + 1];
        }

        return byStatus;
    }
}
