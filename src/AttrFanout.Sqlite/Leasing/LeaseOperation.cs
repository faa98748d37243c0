using System.Collections.Concurrent;
using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;

namespace AttrFanout.Sqlite.Leasing;

/// <summary>
/// Leases up to a number of runs that are available now: pending and due, or leased with an expired lease.
/// One UPDATE … RETURNING inside the write transaction, so two owners never get the same run. A function's runs are
/// taken in the order of <c>due time - priority</c> (<c>take_order</c>), ties in acceptance order.
/// </summary>
internal sealed class LeaseOperation(string owner, int maxRuns, TimeSpan leaseDuration, string? functionId = null) : WriteOperation<IReadOnlyList<LeasedRun>>
{
    private const string Returning = """
        RETURNING id, function_id, attempt, max_attempts, lease_until, attempt_leases, created_at, replay_of,
            (SELECT e.id FROM events e WHERE e.seq = runs.event_seq),
            (SELECT e.name FROM events e WHERE e.seq = runs.event_seq),
            (SELECT e.timestamp FROM events e WHERE e.seq = runs.event_seq),
            (SELECT e.payload FROM events e WHERE e.seq = runs.event_seq),
            (SELECT coalesce(e.trace_context, e.trace_parent) FROM events e WHERE e.seq = runs.event_seq),
            keys
        """;

    private const string Take = "UPDATE runs SET status = 1, attempt_leases = attempt_leases + 1, lease_owner = $owner, lease_until = $until, updated_at = $now";

    /// <summary>
    /// The most a run's priority moves it ahead, in milliseconds: a run available now has a take order at most this far
    /// ahead of now, which bounds the walk of the function's index.
    /// </summary>
    private const long MaxPriorityMs = FlowControl.FunctionFlowControl.MaxPrioritySeconds * 1000L;

    private static readonly ConcurrentDictionary<(int MaxRuns, bool OfFunction), Statement> Statements = new();

    /// <summary>
    /// Gets the lease statement taking up to <paramref name="maxRuns"/> runs, of one function when
    /// <paramref name="ofFunction"/>. The limit is part of the SQL: a bound LIMIT makes SQLite compile the statement again
    /// on every execution.
    /// </summary>
    internal static Statement Lease(int maxRuns, bool ofFunction = false) =>
        Statements.GetOrAdd((maxRuns, ofFunction), static key => key.OfFunction
            ? new(
                $"""
                {Take}
                WHERE id IN (
                    SELECT id FROM runs WHERE function_id = $function AND take_order <= $now + {MaxPriorityMs} AND available_at <= $now
                    ORDER BY take_order LIMIT {key.MaxRuns})
                {Returning}
                """,
                "$owner", "$until", "$now", "$function")
            : new(
                $"""
                {Take}
                WHERE id IN (SELECT id FROM runs WHERE available_at <= $now ORDER BY available_at LIMIT {key.MaxRuns})
                {Returning}
                """,
                "$owner", "$until", "$now"));

    protected override IReadOnlyList<LeasedRun> Run(WriteContext context)
    {
        var until = UnixTime.ToStored(context.Now + leaseDuration);
        var runs = new List<LeasedRun>();
        var statement = functionId is null ? context.Statements.Native(Lease(maxRuns)) : context.Statements.Native(Lease(maxRuns, ofFunction: true)).Bind(3, functionId);
        using var reader = statement.Bind(0, owner).Bind(1, until).Bind(2, context.NowStored).Query();
        while (reader.Read())
        {
            runs.Add(new LeasedRun(
                RunId: reader.GetString(0),
                FunctionId: reader.GetString(1),
                Attempt: reader.GetInt32(2),
                MaxAttempts: reader.GetInt32(3),
                LeaseUntil: UnixTime.FromStored(reader.GetInt64(4)),
                AttemptLeases: reader.GetInt32(5),
                EventId: reader.GetString(8),
                EventName: reader.GetString(9),
                EventTimestamp: UnixTime.FromStored(reader.GetInt64(10)),
                Payload: reader.GetBytes(11),
                Trace: StoredTraceContext.FromStored(reader.GetStringOrNull(12)),
                CreatedAt: UnixTime.FromStored(reader.GetInt64(6)),
                ReplayOf: reader.GetStringOrNull(7))
            {
                Keys = reader.GetStringOrNull(13),
            });
        }

        return runs;
    }
}
