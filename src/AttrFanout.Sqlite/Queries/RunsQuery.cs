using AttrFanout.Sqlite.Storage;
using Microsoft.Data.Sqlite;

namespace AttrFanout.Sqlite.Queries;

/// <summary>Reads the stored state of runs, by run Id or by event Id.</summary>
internal static class RunsQuery
{
    private const string Select = """
        SELECT r.id, e.id, r.function_id, r.status, r.attempt, r.max_attempts, r.due_at, r.lease_owner, r.lease_until,
            r.error_type, r.error_message, r.created_at, r.updated_at, r.finished_at, r.attempt_leases
        FROM runs r JOIN events e ON e.seq = r.event_seq
        """;

    public static RunSnapshot? ByRunId(SqliteConnection connection, string runId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"{Select} WHERE r.id = $id";
        command.Bind("$id", runId);
        var runs = Read(command);
        return runs.Count == 0 ? null : runs[0];
    }

    public static IReadOnlyList<RunSnapshot> ByEventId(SqliteConnection connection, string eventId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"{Select} WHERE e.id = $id ORDER BY r.rowid";
        command.Bind("$id", eventId);
        return Read(command);
    }

    private static List<RunSnapshot> Read(SqliteCommand command)
    {
        var runs = new List<RunSnapshot>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var errorType = reader.GetStringOrNull(9);
            runs.Add(new RunSnapshot(
                RunId: reader.GetString(0),
                EventId: reader.GetString(1),
                FunctionId: reader.GetString(2),
                Status: (StoredRunStatus)reader.GetInt32(3),
                Attempt: reader.GetInt32(4),
                AttemptLeases: reader.GetInt32(14),
                MaxAttempts: reader.GetInt32(5),
                DueAt: ToTime(reader.GetInt64OrNull(6)),
                LeaseOwner: reader.GetStringOrNull(7),
                LeaseUntil: ToTime(reader.GetInt64OrNull(8)),
                LastError: errorType is null ? null : new RunError(errorType, reader.GetStringOrNull(10) ?? ""),
                CreatedAt: UnixTime.FromStored(reader.GetInt64(11)),
                UpdatedAt: UnixTime.FromStored(reader.GetInt64(12)),
                FinishedAt: ToTime(reader.GetInt64OrNull(13))));
        }

        return runs;
    }

    private static DateTimeOffset? ToTime(long? stored) => stored is { } value ? UnixTime.FromStored(value) : null;
}
