using AttrFanout.Sqlite.Storage;

namespace AttrFanout.Sqlite.Writing;

/// <summary>Stores an event and its runs, unless an event with the same Id was accepted within the window.</summary>
internal sealed class AcceptOperation(EventToAccept @event, TimeSpan idempotencyWindow, TimeSpan leaseDuration) : WriteOperation<AcceptResult>
{
    internal static readonly Statement FindRecent = new(
        "SELECT seq FROM events WHERE id = $id AND accepted_at > $cutoff ORDER BY accepted_at DESC LIMIT 1",
        "$id", "$cutoff");

    private static readonly Statement RunsOfEvent = new(
        "SELECT id FROM runs WHERE event_seq = $seq ORDER BY rowid",
        "$seq");

    private static readonly Statement InsertEvent = new(
        "INSERT INTO events (id, name, timestamp, payload, accepted_at, trace_parent) VALUES ($id, $name, $timestamp, $payload, $now, $trace) RETURNING seq",
        "$id", "$name", "$timestamp", "$payload", "$now", "$trace");

    private static readonly Statement InsertRun = new(
        """
        INSERT INTO runs (id, event_seq, function_id, status, attempt, max_attempts, due_at, created_at, updated_at)
        VALUES ($id, $seq, $function, 0, 1, $max_attempts, $now, $now, $now)
        """,
        "$id", "$seq", "$function", "$max_attempts", "$now");

    private static readonly Statement InsertLeasedRun = new(
        """
        INSERT INTO runs (id, event_seq, function_id, status, attempt, attempt_leases, max_attempts, due_at, lease_owner, lease_until, created_at, updated_at)
        VALUES ($id, $seq, $function, 1, 1, 1, $max_attempts, $now, $owner, $until, $now, $now)
        """,
        "$id", "$seq", "$function", "$max_attempts", "$now", "$owner", "$until");

    protected override AcceptResult Run(WriteContext context)
    {
        var cutoff = UnixTime.ToStored(context.Now - idempotencyWindow);
        if (@event.MayRepeat && context.Statements.Native(FindRecent).Bind(0, @event.Id).Bind(1, cutoff).ExecuteInt64() is { } existing)
        {
            return new AcceptResult(IsDuplicate: true, ReadRunIds(context, existing));
        }

        var seq = context.Statements.Native(InsertEvent)
            .Bind(0, @event.Id)
            .Bind(1, @event.Name)
            .Bind(2, UnixTime.ToStored(@event.Timestamp))
            .Bind(3, @event.Payload.Span)
            .Bind(4, context.NowStored)
            .Bind(5, @event.TraceParent)
            .ExecuteInt64()!.Value;

        var runIds = new string[@event.Runs.Count];
        for (var i = 0; i < runIds.Length; i++)
        {
            var run = @event.Runs[i];
            runIds[i] = run.RunId ?? Guid.CreateVersion7(context.Now).ToString("N");
            var insert = run.LeaseOwner is { } owner
                ? context.Statements.Native(InsertLeasedRun).Bind(5, owner).Bind(6, UnixTime.ToStored(context.Now + leaseDuration))
                : context.Statements.Native(InsertRun);
            insert.Bind(0, runIds[i]).Bind(1, seq).Bind(2, run.FunctionId).Bind(3, run.MaxAttempts).Bind(4, context.NowStored).ExecuteNonQuery();
        }

        return new AcceptResult(IsDuplicate: false, runIds, context.Now);
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
