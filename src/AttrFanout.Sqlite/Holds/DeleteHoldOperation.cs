using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;

namespace AttrFanout.Sqlite.Holds;

/// <summary>Deletes a hold when it is still at the version its deleter read.</summary>
internal sealed class DeleteHoldOperation(string functionId, string key, long expectedVersion) : WriteOperation<bool>
{
    private static readonly Statement Delete = new(
        "DELETE FROM event_holds WHERE function_id = $function AND hold_key = $key AND version = $version",
        "$function", "$key", "$version");

    protected override bool Run(WriteContext context) =>
        context.Statements.Native(Delete).Bind(0, functionId).Bind(1, key).Bind(2, expectedVersion).ExecuteNonQuery() == 1;
}
