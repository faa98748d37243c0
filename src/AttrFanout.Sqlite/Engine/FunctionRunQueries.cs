using System.Text;
using AttrFanout.Sqlite.Storage;
using Microsoft.Data.Sqlite;
using StoredStatus = AttrFanout.Sqlite.StoredRunStatus;

namespace AttrFanout.Sqlite.Engine;

/// <summary>
/// Reads runs as the engine's <see cref="FunctionRun"/>: one by Id, or the failed ones of a <see cref="FailedRunQuery"/>.
/// A run whose lease ended (its process died, or no process of its function is left to take it) shows as pending.
/// The runs read here carry no attempt history (all their attempts are counted in <see cref="FunctionRun.AttemptsNotKept"/>):
/// <see cref="Attempts.AttemptHistoryQuery"/> adds it to a run read by Id.
/// </summary>
internal static class FunctionRunQueries
{
    /// <summary>The columns <see cref="Read"/> reads, in its order; a listing appends <c>r.rowid</c> after them.</summary>
    internal const string Columns = """
        r.id, r.function_id, e.id, e.name, r.status, r.attempt, r.due_at, r.error_type, r.error_message,
            r.created_at, r.updated_at, r.finished_at, r.replay_of, r.replayed_by, r.lease_until, r.reason
        """;

    internal const string From = "FROM runs r JOIN events e ON e.seq = r.event_seq";

    private const string Select = $"SELECT {Columns} {From}";

    private static readonly Statement RunById = new($"{Select} WHERE r.id = $id", "$id");

    public static FunctionRun? ById(StatementCache statements, string runId, DateTimeOffset now)
    {
        var runs = Read(statements.Get(RunById).Bind(0, runId), now);
        return runs.Count == 0 ? null : runs[0];
    }

    public static IReadOnlyList<FunctionRun> Failed(StatementCache statements, FailedRunQuery query, DateTimeOffset now)
    {
        using var command = statements.Connection.CreateCommand();
        var sql = new StringBuilder($"{Select} WHERE r.status = 3");
        if (!query.IncludeReplayed)
        {
            sql.Append(" AND r.replayed_by IS NULL");
        }

        if (query.FunctionId is { } function)
        {
            sql.Append(" AND r.function_id = $function");
            command.Bind("$function", function);
        }

        if (query.EventName is { } name)
        {
            sql.Append(" AND e.name = $name");
            command.Bind("$name", name);
        }

        if (query.FailedFrom is { } from)
        {
            sql.Append(" AND r.finished_at >= $from");
            command.Bind("$from", UnixTime.ToStored(from));
        }

        if (query.FailedBefore is { } before)
        {
            sql.Append(" AND r.finished_at < $before");
            command.Bind("$before", UnixTime.ToStored(before));
        }

        sql.Append(" ORDER BY r.finished_at, r.id LIMIT $limit");
        command.Bind("$limit", query.Limit);
        command.CommandText = sql.ToString();
        return Read(command, now);
    }

    /// <summary>Reads the runs a command selects with <see cref="Columns"/>, and each run's rowid (the column after them) into <paramref name="rowids"/> when given.</summary>
    internal static List<FunctionRun> Read(SqliteCommand command, DateTimeOffset now, List<long>? rowids = null)
    {
        var runs = new List<FunctionRun>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rowids?.Add(reader.GetInt64(16));
            var stored = (StoredStatus)reader.GetInt32(4);
            var attempt = reader.GetInt32(5);
            var dueAt = ToTime(reader.GetInt64OrNull(6));
            var errorType = reader.GetStringOrNull(7);
            var finished = stored is StoredStatus.Succeeded or StoredStatus.Failed or StoredStatus.Skipped or StoredStatus.Cancelled;
            var leaseEnded = stored == StoredStatus.Leased && reader.GetInt64OrNull(14) is { } leaseUntil && leaseUntil <= UnixTime.ToStored(now);
            var status = Status(leaseEnded ? StoredStatus.Pending : stored, errorType is not null && dueAt is { } due && (stored == StoredStatus.Pending || due > now));
            runs.Add(new FunctionRun
            {
                RunId = reader.GetString(0),
                FunctionId = reader.GetString(1),
                EventId = reader.GetString(2),
                EventName = reader.GetString(3),
                Status = status,
                Attempts = finished ? attempt : attempt - 1,
                AttemptsNotKept = finished ? attempt : attempt - 1,
                NextAttemptAt = status == AttrFanout.RunStatus.RetryScheduled ? dueAt : null,
                ErrorType = errorType,
                ErrorMessage = reader.GetStringOrNull(8),
                CreatedAt = UnixTime.FromStored(reader.GetInt64(9)),
                UpdatedAt = UnixTime.FromStored(reader.GetInt64(10)),
                FailedAt = stored == StoredStatus.Failed ? ToTime(reader.GetInt64OrNull(11)) : null,
                ReplayOf = reader.GetStringOrNull(12),
                ReplayedBy = reader.GetStringOrNull(13),
                Reason = reader.GetStringOrNull(15),
            });
        }

        return runs;
    }

    private static AttrFanout.RunStatus Status(StoredStatus stored, bool retryWaiting) => stored switch
    {
        StoredStatus.Succeeded => AttrFanout.RunStatus.Succeeded,
        StoredStatus.Failed => AttrFanout.RunStatus.Failed,
        StoredStatus.Skipped => AttrFanout.RunStatus.Skipped,
        StoredStatus.Cancelled => AttrFanout.RunStatus.Cancelled,
        _ when retryWaiting => AttrFanout.RunStatus.RetryScheduled,
        StoredStatus.Leased => AttrFanout.RunStatus.Running,
        _ => AttrFanout.RunStatus.Pending,
    };

    private static DateTimeOffset? ToTime(long? stored) => stored is { } value ? UnixTime.FromStored(value) : null;
}
