using System.Text;
using AttrFanout.Sqlite.Storage;
using Microsoft.Data.Sqlite;

namespace AttrFanout.Sqlite.Queries;

/// <summary>Builds the WHERE clause over failed runs (<c>r</c>) joined to their events (<c>e</c>) for a filter.</summary>
internal static class FailedRunSql
{
    public const string From = "FROM runs r JOIN events e ON e.seq = r.event_seq";

    public static string Where(SqliteCommand command, FailedRunFilter filter, FailedRunCursor? after = null)
    {
        var sql = new StringBuilder("WHERE r.status = 3");
        if (filter.FunctionId is { } function)
        {
            sql.Append(" AND r.function_id = $function");
            command.Bind("$function", function);
        }

        if (filter.EventName is { } name)
        {
            sql.Append(" AND e.name = $name");
            command.Bind("$name", name);
        }

        sql.Append(" AND r.finished_at >= $from");
        command.Bind("$from", filter.FailedFrom is { } from ? UnixTime.ToStored(from) : long.MinValue);

        if (filter.FailedBefore is { } before)
        {
            sql.Append(" AND r.finished_at < $before");
            command.Bind("$before", UnixTime.ToStored(before));
        }

        if (after is { } cursor)
        {
            sql.Append(" AND (r.finished_at > $after_at OR (r.finished_at = $after_at AND r.id > $after_id))");
            command.Bind("$after_at", UnixTime.ToStored(cursor.FailedAt));
            command.Bind("$after_id", cursor.RunId);
        }

        return sql.ToString();
    }
}
