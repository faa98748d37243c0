using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;

namespace AttrFanout.Sqlite.Leasing;

/// <summary>
/// Hands every run leased by an owner back to pending, due as before, attempt unchanged and the lease not counted
/// (graceful shutdown). Only unfinished runs can be leased, so it walks the index of unfinished runs rather than
/// keeping an index of owners that every lease and outcome would have to update.
/// </summary>
internal sealed class ReleaseLeasesOperation(string owner) : WriteOperation<int>
{
    internal static readonly Statement Release = new(
        """
        UPDATE runs SET status = 0, attempt_leases = attempt_leases - 1, lease_owner = NULL, lease_until = NULL, updated_at = $now
        WHERE available_at IS NOT NULL AND lease_owner = $owner AND status = 1
        """,
        "$now", "$owner");

    protected override int Run(WriteContext context) =>
        context.Statements.Native(Release).Bind(0, context.NowStored).Bind(1, owner).ExecuteNonQuery();
}
