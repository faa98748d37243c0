using System.Text;
using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;
using AttrFanout.Stores;
using AttrFanout.Triggers;

namespace AttrFanout.Sqlite.Holds;

/// <summary>Reads one hold, inside a write transaction so that it sees every process's last write.</summary>
internal sealed class ReadHoldOperation(string functionId, string key) : WriteOperation<StoredHold?>
{
    private static readonly Statement Read = new(
        "SELECT content, due_at, version FROM event_holds WHERE function_id = $function AND hold_key = $key",
        "$function", "$key");

    protected override StoredHold? Run(WriteContext context)
    {
        using var row = context.Statements.Native(Read).Bind(0, functionId).Bind(1, key).Query();
        if (!row.Read())
        {
            return null;
        }

        var events = HeldEvents.FromUtf8Json(Encoding.UTF8.GetBytes(row.GetString(0)));
        return new StoredHold(functionId, key, events, UnixTime.FromStored(row.GetInt64(1)), row.GetInt64(2));
    }
}
