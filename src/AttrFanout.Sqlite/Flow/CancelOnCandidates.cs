using AttrFanout.Sqlite.Storage;
using AttrFanout.Stores;

namespace AttrFanout.Sqlite.Flow;

/// <summary>
/// Reads the runs a cancelling event may cancel: runs of one function still pending or leased (through the
/// <c>runs_by_function</c> index, which holds only runs not over), whose event is older than the cancelling event and inside
/// its watch, whose kept key (<c>keys</c> → <c>x[rule]</c>) equals the cancelling key when the rule matches by key; at most
/// <see cref="CancelOnQuery.Limit"/>. The payload is read only when the rule's condition needs it.
/// </summary>
internal static class CancelOnCandidates
{
    internal static readonly Statement Candidates = new(
        """
        SELECT r.id, e.timestamp, r.keys, e.id, e.name, CASE WHEN $payload = 1 THEN e.payload END
        FROM runs r JOIN events e ON e.seq = r.event_seq
        WHERE r.function_id = $function AND r.available_at IS NOT NULL AND r.status IN (0, 1)
            AND e.timestamp < $before AND e.timestamp >= $since
            AND ($key IS NULL OR json_extract(r.keys, $path) = $key)
        LIMIT $limit
        """,
        "$payload", "$function", "$before", "$since", "$key", "$path", "$limit");

    /// <summary>A candidate as read, its payload still bytes.</summary>
    public readonly record struct Row(string RunId, DateTimeOffset EventTimestamp, string? Keys, string EventId, string EventName, byte[]? Payload);

    public static List<Row> Read(StatementCache statements, CancelOnQuery query)
    {
        var command = statements.Get(Candidates)
            .Bind(0, query.NeedsEvent ? 1 : 0)
            .Bind(1, query.FunctionId)
            .Bind(2, UnixTime.ToStored(query.Cancelling.Timestamp))
            .Bind(3, query.WatchedSince is { } since ? UnixTime.ToStored(since) : long.MinValue)
            .Bind(4, query.MatchKey)
            .Bind(5, $"$.x[{query.RuleIndex}]")
            .Bind(6, query.Limit);
        var rows = new List<Row>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new Row(
                reader.GetString(0),
                UnixTime.FromStored(reader.GetInt64(1)),
                reader.GetStringOrNull(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetBytes(5)));
        }

        return rows;
    }
}
