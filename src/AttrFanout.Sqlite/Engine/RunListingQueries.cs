using System.Text;
using AttrFanout.Sqlite.Storage;
using AttrFanout.Stores;
using Microsoft.Data.Sqlite;

namespace AttrFanout.Sqlite.Engine;

/// <summary>
/// Lists runs of any status from the file, most recently created first, one keyset page at a time: in the runs table's
/// own order (its rowid grows with every run written, so walking it backwards needs no index and no sort), the cursor
/// being the last run's rowid. Filters narrow the walk through the existing indexes, no new one: an event Id through
/// <c>events_by_id</c> and <c>runs_by_event</c>, unfinished runs through the partial <c>runs_by_function</c>, failed ones
/// through the partial <c>runs_by_failed_at</c>. A filter by function, event name or time alone walks the runs newest
/// first until the page is full.
/// </summary>
internal static class RunListingQueries
{
    public static RunPage Runs(StatementCache statements, RunQuery query, DateTimeOffset now)
    {
        var after = PageCursor.Decode(query.Cursor);
        var stored = StoredStatuses(query);
        if (stored is { Count: 0 })
        {
            // Only statuses this file never holds (skipped, cancelled): nothing to list, nothing left out.
            return new RunPage { Runs = [] };
        }

        var runs = new List<FunctionRun>(query.Limit + 1);
        var places = new List<long>(query.Limit + 1);
        var before = after?.Position;
        while (runs.Count <= query.Limit)
        {
            var rowids = new List<long>();
            var batch = Fetch(statements.Connection, query, stored, before, query.Limit + 1, now, rowids);
            for (var i = 0; i < batch.Count && runs.Count <= query.Limit; i++)
            {
                if (query.Matches(batch[i]))
                {
                    runs.Add(batch[i]);
                    places.Add(rowids[i]);
                }
            }

            if (batch.Count <= query.Limit)
            {
                break;
            }

            before = rowids[^1];
        }

        if (runs.Count <= query.Limit)
        {
            return new RunPage { Runs = runs };
        }

        runs.RemoveAt(query.Limit);
        return new RunPage { Runs = runs, NextCursor = new PageCursor(places[query.Limit - 1], 0).Encode() };
    }

    /// <summary>Builds the SQL of a page: the filters, the keyset bound and the order. Exposed for the query-plan tests.</summary>
    internal static SqliteCommand Command(SqliteConnection connection, RunQuery query, IReadOnlyList<int>? stored, long? before, int limit)
    {
        var command = connection.CreateCommand();
        var unfinishedOnly = stored is not null && stored.All(static s => s is (int)StoredRunStatus.Pending or (int)StoredRunStatus.Leased);
        var failedOnly = stored is [(int)StoredRunStatus.Failed];
        // Without an event Id to start from, the few unfinished or failed runs are read through their partial index and
        // sorted, rather than found by walking every run newest first.
        var index = query.EventId is not null ? "" : unfinishedOnly ? " INDEXED BY runs_by_function" : failedOnly ? " INDEXED BY runs_by_failed_at" : "";
        var sql = new StringBuilder($"SELECT {FunctionRunQueries.Columns}, r.rowid FROM runs r{index} JOIN events e ON e.seq = r.event_seq WHERE 1 = 1");
        if (failedOnly)
        {
            sql.Append(" AND r.status = 3");
        }
        else if (stored is not null)
        {
            sql.Append(" AND r.status IN (").AppendJoin(", ", stored).Append(')');
        }

        if (unfinishedOnly)
        {
            // Implied by those statuses; lets the planner use the partial index of unfinished runs.
            sql.Append(" AND r.available_at IS NOT NULL");
        }

        if (query.FunctionId is { } function)
        {
            sql.Append(" AND r.function_id = $function");
            command.Bind("$function", function);
        }

        if (query.EventId is { } eventId)
        {
            sql.Append(" AND e.id = $event_id");
            command.Bind("$event_id", eventId);
        }

        if (query.EventName is { } name)
        {
            sql.Append(" AND e.name = $name");
            command.Bind("$name", name);
        }

        if (query.CreatedFrom is { } from)
        {
            sql.Append(" AND r.created_at >= $from");
            command.Bind("$from", UnixTime.ToStored(from));
        }

        if (query.CreatedBefore is { } until)
        {
            sql.Append(" AND r.created_at < $before");
            command.Bind("$before", UnixTime.ToStored(until));
        }

        if (before is { } rowid)
        {
            sql.Append(" AND r.rowid < $after");
            command.Bind("$after", rowid);
        }

        sql.Append(" ORDER BY r.rowid DESC LIMIT $limit");
        command.Bind("$limit", limit);
        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>
    /// The stored statuses that may show as the statuses asked for (a leased run whose lease ended shows as pending, a
    /// run waiting for its retry is stored pending or leased); <see langword="null"/> for any.
    /// </summary>
    internal static IReadOnlyList<int>? StoredStatuses(RunQuery query)
    {
        if (query.Statuses is not { Count: > 0 })
        {
            return null;
        }

        var stored = new SortedSet<int>();
        if (query.Includes(RunStatus.Pending) || query.Includes(RunStatus.RetryScheduled))
        {
            stored.Add((int)StoredRunStatus.Pending);
            stored.Add((int)StoredRunStatus.Leased);
        }

        if (query.Includes(RunStatus.Running))
        {
            stored.Add((int)StoredRunStatus.Leased);
        }

        if (query.Includes(RunStatus.Succeeded))
        {
            stored.Add((int)StoredRunStatus.Succeeded);
        }

        if (query.Includes(RunStatus.Failed))
        {
            stored.Add((int)StoredRunStatus.Failed);
        }

        if (query.Includes(RunStatus.Skipped))
        {
            stored.Add((int)StoredRunStatus.Skipped);
        }

        if (query.Includes(RunStatus.Cancelled))
        {
            stored.Add((int)StoredRunStatus.Cancelled);
        }

        return [.. stored];
    }

    private static List<FunctionRun> Fetch(SqliteConnection connection, RunQuery query, IReadOnlyList<int>? stored, long? before, int limit, DateTimeOffset now, List<long> rowids)
    {
        using var command = Command(connection, query, stored, before, limit);
        return FunctionRunQueries.Read(command, now, rowids);
    }
}
