using AttrFanout.Sqlite.Storage;

namespace AttrFanout.Sqlite.Writing;

/// <summary>Stores an event and its runs, unless an event with the same Id was accepted within the window.</summary>
internal sealed class AcceptOperation(EventToAccept @event, TimeSpan idempotencyWindow, TimeSpan leaseDuration) : WriteOperation<AcceptOutcome>
{
    internal static readonly Statement FindRecent = new(
        "SELECT seq FROM events WHERE id = $id AND accepted_at > $cutoff ORDER BY accepted_at DESC LIMIT 1",
        "$id", "$cutoff");

    private static readonly Statement RunsOfEvent = new(
        "SELECT id FROM runs WHERE event_seq = $seq ORDER BY rowid",
        "$seq");

    private static readonly Statement InsertEvent = new(
        "INSERT INTO events (id, name, timestamp, payload, accepted_at, trace_context) VALUES ($id, $name, $timestamp, $payload, $now, $trace) RETURNING seq",
        "$id", "$name", "$timestamp", "$payload", "$now", "$trace");

    /// <summary>The most runs one INSERT stores; an event with more subscribers takes several.</summary>
    internal const int RunsPerInsert = 16;

    private static readonly Statement[] InsertRuns = [.. Enumerable.Range(1, RunsPerInsert).Select(InsertRunsStatement)];

    /// <summary>
    /// Inserts <paramref name="count"/> runs in one statement: per row <c>$id</c>, <c>$function</c>, <c>$max_attempts</c> and
    /// <c>$owner</c> (suffixed by the row), which stores the run leased to that owner until <c>$until</c> when not null,
    /// else pending; all rows share <c>$seq</c> and <c>$now</c>. One statement opens the table's and indexes' cursors
    /// once for the event's runs instead of once per run.
    /// </summary>
    internal static Statement InsertRunsStatement(int count)
    {
        var rows = Enumerable.Range(0, count).Select(static i =>
            $"($id{i}, $seq, $function{i}, $owner{i} IS NOT NULL, 1, $owner{i} IS NOT NULL, $max_attempts{i}, $now, $owner{i}, iif($owner{i} IS NULL, NULL, $until), $now, $now)");
        return new(
            $"""
            INSERT INTO runs (id, event_seq, function_id, status, attempt, attempt_leases, max_attempts, due_at, lease_owner, lease_until, created_at, updated_at)
            VALUES {string.Join(",\n    ", rows)}
            """,
            [
                "$seq", "$now", "$until",
                .. Enumerable.Range(0, count).SelectMany(static i => new[] { $"$id{i}", $"$function{i}", $"$max_attempts{i}", $"$owner{i}" }),
            ]);
    }

    protected override AcceptOutcome Run(WriteContext context)
    {
        var cutoff = UnixTime.ToStored(context.Now - idempotencyWindow);
        if (@event.MayRepeat && context.Statements.Native(FindRecent).Bind(0, @event.Id).Bind(1, cutoff).ExecuteInt64() is { } existing)
        {
            return new AcceptOutcome(IsDuplicate: true, ReadRunIds(context, existing));
        }

        var seq = context.Statements.Native(InsertEvent)
            .Bind(0, @event.Id)
            .Bind(1, @event.Name)
            .Bind(2, UnixTime.ToStored(@event.Timestamp))
            .Bind(3, @event.Payload.Span)
            .Bind(4, context.NowStored)
            .Bind(5, StoredTraceContext.ToStored(@event.Trace))
            .ExecuteInt64()!.Value;

        var runIds = new string[@event.Runs.Count];
        var until = UnixTime.ToStored(context.Now + leaseDuration);
        for (var first = 0; first < runIds.Length; first += RunsPerInsert)
        {
            var count = Math.Min(RunsPerInsert, runIds.Length - first);
            var insert = context.Statements.Native(InsertRuns[count - 1]).Bind(0, seq).Bind(1, context.NowStored).Bind(2, until);
            for (var i = 0; i < count; i++)
            {
                var run = @event.Runs[first + i];
                var runId = runIds[first + i] = run.RunId ?? Stores.RunIds.For((ulong)seq, run.FunctionId);
                insert.Bind(3 + (4 * i), runId).Bind(4 + (4 * i), run.FunctionId).Bind(5 + (4 * i), run.MaxAttempts).Bind(6 + (4 * i), run.LeaseOwner);
            }

            insert.ExecuteNonQuery();
        }

        return new AcceptOutcome(IsDuplicate: false, runIds, context.Now);
    }

    private static List<string> ReadRunIds(WriteContext context, long seq)
    {
        var ids = new List<string>();
        using var reader = context.Statements.Native(RunsOfEvent).Bind(0, seq).Query();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
