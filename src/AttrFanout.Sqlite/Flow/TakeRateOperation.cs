using AttrFanout.FlowControl;
using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;

namespace AttrFanout.Sqlite.Flow;

/// <summary>
/// Decides a start against a rate bucket with <see cref="Gcra.Decide"/> inside the write transaction: when it conforms,
/// stores the bucket's new theoretical arrival time and returns null; else stores nothing and returns when it would conform.
/// </summary>
internal sealed class TakeRateOperation(string bucket, int limit, TimeSpan period, int burst, DateTimeOffset now) : WriteOperation<DateTimeOffset?>
{
    private static readonly Statement Read = new("SELECT tat FROM rate_buckets WHERE bucket = $bucket", "$bucket");

    private static readonly Statement Write = new(
        "INSERT INTO rate_buckets (bucket, tat) VALUES ($bucket, $tat) ON CONFLICT (bucket) DO UPDATE SET tat = excluded.tat",
        "$bucket", "$tat");

    protected override DateTimeOffset? Run(WriteContext context)
    {
        var stored = context.Statements.Native(Read).Bind(0, bucket).ExecuteInt64();
        var decision = Gcra.Decide(stored is { } tat ? UnixTime.FromStored(tat) : null, now, limit, period, burst);
        if (!decision.Conforms)
        {
            return decision.RetryAt;
        }

        context.Statements.Native(Write).Bind(0, bucket).Bind(1, RoundedUp(decision.TheoreticalArrival)).ExecuteNonQuery();
        return null;
    }

    /// <summary>Times are kept in whole milliseconds; a theoretical arrival is rounded up so no start is let through early.</summary>
    private static long RoundedUp(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;
}
