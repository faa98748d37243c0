using AttrFanout.Sqlite.Storage;

namespace AttrFanout.Sqlite.Writing;

/// <summary>
/// The idempotency keys of functions (<see cref="IdempotencyAttribute"/>), claimed inside the accept's transaction: the first
/// run of a function to take a key keeps it until its time runs out, and later accepts get that run's Id instead of a new run.
/// </summary>
internal static class IdempotencyKeys
{
    internal static readonly Statement FindLive = new(
        "SELECT run_id FROM idempotency_keys WHERE function_id = $function AND key = $key AND until > $now",
        "$function", "$key", "$now");

    private static readonly Statement Take = new(
        "INSERT OR REPLACE INTO idempotency_keys (function_id, key, run_id, until) VALUES ($function, $key, $run, $until)",
        "$function", "$key", "$run", "$until");

    /// <summary>Claims <paramref name="key"/> for <paramref name="runId"/>; returns the Id of the run that holds it already, or null when claimed.</summary>
    public static string? Claim(WriteContext context, string functionId, string key, string runId, DateTimeOffset until)
    {
        using (var live = context.Statements.Native(FindLive).Bind(0, functionId).Bind(1, key).Bind(2, context.NowStored).Query())
        {
            if (live.Read())
            {
                return live.GetString(0);
            }
        }

        context.Statements.Native(Take).Bind(0, functionId).Bind(1, key).Bind(2, runId).Bind(3, UnixTime.ToStored(until)).ExecuteNonQuery();
        return null;
    }
}
