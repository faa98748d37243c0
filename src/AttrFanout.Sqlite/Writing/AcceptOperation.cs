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
    /// Inserts <paramref name="count"/> runs in one statement: per row <c>$id</c>, <c>$function</c>, <c>$max_attempts</c>,
    /// <c>$owner</c>, <c>$keys</c> and <c>$priority</c> (suffixed by the row); a row with an owner stores the run leased to that
    /// owner until <c>$until</c>, else pending; all rows share <c>$seq</c> and <c>$now</c>. One statement opens the table's and
    /// indexes' cursors once for the event's runs instead of once per run.
    /// </summary>
    internal static Statement InsertRunsStatement(int count)
    {
        var rows = Enumerable.Range(0, count).Select(static i =>
            $"($id{i}, $seq, $function{i}, $owner{i} IS NOT NULL, 1, $owner{i} IS NOT NULL, $max_attempts{i}, $now, $owner{i}, iif($owner{i} IS NULL, NULL, $until), $now, $now, $keys{i}, $priority{i})");
        return new(
            $"""
            INSERT INTO runs (id, event_seq, function_id, status, attempt, attempt_leases, max_attempts, due_at, lease_owner, lease_until, created_at, updated_at, keys, priority)
            VALUES {string.Join(",\n    ", rows)}
            """,
            [
                "$seq", "$now", "$until",
                .. Enumerable.Range(0, count).SelectMany(static i => new[] { $"$id{i}", $"$function{i}", $"$max_attempts{i}", $"$owner{i}", $"$keys{i}", $"$priority{i}" }),
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
        List<int>? created = null;
        for (var i = 0; i < runIds.Length; i++)
        {
            var run = @event.Runs[i];
            var runId = run.RunId ?? Stores.RunIds.For((ulong)seq, run.FunctionId);
            if (run.IdempotencyKey is { } key && IdempotencyKeys.Claim(context, run.FunctionId, key, runId, run.IdempotentUntil) is { } first)
            {
                created ??= [.. Enumerable.Range(0, i)];
                runIds[i] = first;
                continue;
            }

            runIds[i] = runId;
            created?.Add(i);
        }

        var count = created?.Count ?? runIds.Length;
        var until = UnixTime.ToStored(context.Now + leaseDuration);
        for (var start = 0; start < count; start += RunsPerInsert)
        {
            var rows = Math.Min(RunsPerInsert, count - start);
            var insert = context.Statements.Native(InsertRuns[rows - 1]).Bind(0, seq).Bind(1, context.NowStored).Bind(2, until);
            for (var row = 0; row < rows; row++)
            {
                var index = created is null ? start + row : created[start + row];
                var run = @event.Runs[index];
                var at = 3 + (6 * row);
                insert.Bind(at, runIds[index]).Bind(at + 1, run.FunctionId).Bind(at + 2, run.MaxAttempts).Bind(at + 3, run.LeaseOwner)
                    .Bind(at + 4, run.Keys).Bind(at + 5, run.Priority);
            }

            insert.ExecuteNonQuery();
        }

        return new AcceptOutcome(IsDuplicate: false, runIds, context.Now, created);
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
