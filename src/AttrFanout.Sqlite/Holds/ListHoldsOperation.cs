using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;
using AttrFanout.Stores;

namespace AttrFanout.Sqlite.Holds;

/// <summary>Lists every hold with its due time, soonest first.</summary>
internal sealed class ListHoldsOperation : WriteOperation<IReadOnlyList<HoldDue>>
{
    private static readonly Statement List = new("SELECT function_id, hold_key, due_at FROM event_holds ORDER BY due_at");

    protected override IReadOnlyList<HoldDue> Run(WriteContext context)
    {
        var holds = new List<HoldDue>();
        using var rows = context.Statements.Native(List).Query();
        while (rows.Read())
        {
            holds.Add(new HoldDue(rows.GetString(0), rows.GetString(1), UnixTime.FromStored(rows.GetInt64(2))));
        }

        return holds;
    }
}
