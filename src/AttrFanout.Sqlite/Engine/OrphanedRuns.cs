using AttrFanout.Sqlite.Storage;

namespace AttrFanout.Sqlite.Engine;

/// <summary>
/// Finds the unfinished runs of functions this app does not declare (removed or renamed in a newer version): nothing
/// here will ever run them, so the store names them in a warning at start instead of keeping them unseen.
/// </summary>
internal static class OrphanedRuns
{
    private static readonly Statement UnfinishedByFunction = new(
        "SELECT function_id, COUNT(*) FROM runs WHERE available_at IS NOT NULL GROUP BY function_id ORDER BY function_id");

    public static IReadOnlyList<(string FunctionId, long Runs)> Find(StatementCache statements, IReadOnlySet<string> declared)
    {
        using var reader = statements.Get(UnfinishedByFunction).ExecuteReader();
        var orphaned = new List<(string, long)>();
        while (reader.Read())
        {
            var functionId = reader.GetString(0);
            if (!declared.Contains(functionId))
            {
                orphaned.Add((functionId, reader.GetInt64(1)));
            }
        }

        return orphaned;
    }
}
