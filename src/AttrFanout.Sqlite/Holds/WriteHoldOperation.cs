using System.Text;
using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;
using AttrFanout.Stores;

namespace AttrFanout.Sqlite.Holds;

/// <summary>Creates a hold (expected version 0) or replaces it when it is still at the version its writer read.</summary>
internal sealed class WriteHoldOperation(StoredHold hold, long expectedVersion) : WriteOperation<bool>
{
    private static readonly Statement Insert = new(
        "INSERT INTO event_holds (function_id, hold_key, content, due_at, version) VALUES ($function, $key, $content, $due, 1) ON CONFLICT DO NOTHING",
        "$function", "$key", "$content", "$due");

    private static readonly Statement Update = new(
        "UPDATE event_holds SET content = $content, due_at = $due, version = version + 1 WHERE function_id = $function AND hold_key = $key AND version = $version",
        "$content", "$due", "$function", "$key", "$version");

    private readonly string _content = Encoding.UTF8.GetString(hold.Events.ToUtf8Json());

    protected override bool Run(WriteContext context)
    {
        var due = UnixTime.ToStored(hold.DueAt);
        return expectedVersion == 0
            ? context.Statements.Native(Insert).Bind(0, hold.FunctionId).Bind(1, hold.Key).Bind(2, _content).Bind(3, due).ExecuteNonQuery() == 1
            : context.Statements.Native(Update).Bind(0, _content).Bind(1, due).Bind(2, hold.FunctionId).Bind(3, hold.Key).Bind(4, expectedVersion).ExecuteNonQuery() == 1;
    }
}
