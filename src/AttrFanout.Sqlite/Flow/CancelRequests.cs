using AttrFanout.Sqlite.Storage;
using AttrFanout.Stores;

namespace AttrFanout.Sqlite.Flow;

/// <summary>Reads the cancel requests of runs that are executing (leased), for the watch every process polls.</summary>
internal static class CancelRequests
{
    internal static readonly Statement OfRunningRuns = new(
        "SELECT c.run_id, c.reason FROM cancel_requests c JOIN runs r ON r.id = c.run_id WHERE r.status = 1 ORDER BY c.requested_at");

    public static List<RunCancellation> Read(StatementCache statements)
    {
        var requests = new List<RunCancellation>();
        using var reader = statements.Get(OfRunningRuns).ExecuteReader();
        while (reader.Read())
        {
            requests.Add(new RunCancellation(reader.GetString(0), reader.GetString(1)));
        }

        return requests;
    }
}
