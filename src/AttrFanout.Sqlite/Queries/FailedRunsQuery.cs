using AttrFanout.Sqlite.Storage;
using Microsoft.Data.Sqlite;

namespace AttrFanout.Sqlite.Queries;

/// <summary>Lists dead-lettered runs, oldest failure first, one keyset page at a time.</summary>
internal static class FailedRunsQuery
{
    public static FailedRunPage Execute(SqliteConnection connection, FailedRunFilter filter, int pageSize, FailedRunCursor? after)
    {
        using var command = connection.CreateCommand();
        var where = FailedRunSql.Where(command, filter, after);
        command.CommandText = $"""
            SELECT r.id, r.function_id, e.id, e.name, e.timestamp, r.attempt, r.max_attempts, r.error_type, r.error_message, r.finished_at
            {FailedRunSql.From}
            {where}
            ORDER BY r.finished_at, r.id
            LIMIT $limit
            """;
        command.Bind("$limit", pageSize + 1);

        var runs = new List<FailedRun>(Math.Min(pageSize + 1, 1024));
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                runs.Add(new FailedRun(
                    RunId: reader.GetString(0),
                    FunctionId: reader.GetString(1),
                    EventId: reader.GetString(2),
                    EventName: reader.GetString(3),
                    EventTimestamp: UnixTime.FromStored(reader.GetInt64(4)),
                    Attempt: reader.GetInt32(5),
                    MaxAttempts: reader.GetInt32(6),
                    Error: new RunError(reader.GetStringOrNull(7) ?? "", reader.GetStringOrNull(8) ?? ""),
                    FailedAt: UnixTime.FromStored(reader.GetInt64(9))));
            }
        }

        if (runs.Count <= pageSize)
        {
            return new FailedRunPage(runs, Next: null);
        }

        runs.RemoveAt(pageSize);
        var last = runs[^1];
        return new FailedRunPage(runs, new FailedRunCursor(last.FailedAt, last.RunId));
    }
}
