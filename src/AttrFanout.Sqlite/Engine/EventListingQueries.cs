using System.Text;
using AttrFanout.Sqlite.Storage;
using AttrFanout.Stores;
using Microsoft.Data.Sqlite;

namespace AttrFanout.Sqlite.Engine;

/// <summary>
/// Lists events from the file, most recently accepted first (by their sequence, the cursor), each with its runs read
/// through <c>runs_by_event</c>; an event Id is found through <c>events_by_id</c>.
/// </summary>
internal static class EventListingQueries
{
    private static readonly Statement RunsOfEvent = new(
        $"SELECT {FunctionRunQueries.Columns}, r.rowid {FunctionRunQueries.From} WHERE r.event_seq = $seq ORDER BY r.rowid", "$seq");

    public static EventPage Events(StatementCache statements, EventQuery query, DateTimeOffset now)
    {
        var after = PageCursor.Decode(query.Cursor);
        var found = new List<(long Sequence, EventRecord Event)>(query.Limit + 1);
        using (var command = Command(statements.Connection, query, after?.Position, query.Limit + 1))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                found.Add((reader.GetInt64(0), new EventRecord
                {
                    Id = reader.GetString(1),
                    Name = reader.GetString(2),
                    Timestamp = UnixTime.FromStored(reader.GetInt64(3)),
                }));
            }
        }

        var page = found.Take(query.Limit).Select(f => f.Event with
        {
            Runs = FunctionRunQueries.Read(statements.Get(RunsOfEvent).Bind(0, f.Sequence), now),
        }).ToArray();
        return new EventPage
        {
            Events = page,
            NextCursor = found.Count > query.Limit ? new PageCursor(found[query.Limit - 1].Sequence, 0).Encode() : null,
        };
    }

    /// <summary>Builds the SQL of a page of events. Exposed for the query-plan tests.</summary>
    internal static SqliteCommand Command(SqliteConnection connection, EventQuery query, long? before, int limit)
    {
        var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT e.seq, e.id, e.name, e.timestamp FROM events e WHERE 1 = 1");
        if (query.EventId is { } id)
        {
            sql.Append(" AND e.id = $id");
            command.Bind("$id", id);
        }

        if (query.Name is { } name)
        {
            sql.Append(" AND e.name = $name");
            command.Bind("$name", name);
        }

        if (query.From is { } from)
        {
            sql.Append(" AND e.timestamp >= $from");
            command.Bind("$from", UnixTime.ToStored(from));
        }

        if (query.Before is { } until)
        {
            sql.Append(" AND e.timestamp < $before");
            command.Bind("$before", UnixTime.ToStored(until));
        }

        if (before is { } sequence)
        {
            sql.Append(" AND e.seq < $after");
            command.Bind("$after", sequence);
        }

        sql.Append(" ORDER BY e.seq DESC LIMIT $limit");
        command.Bind("$limit", limit);
        command.CommandText = sql.ToString();
        return command;
    }
}
