using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;

namespace AttrFanout.Sqlite.Leasing;

/// <summary>Extends a lease the owner still holds (never shortening it); false when the run is no longer leased to it.</summary>
internal sealed class RenewLeaseOperation(string runId, string owner, TimeSpan leaseDuration) : WriteOperation<bool>
{
    private static readonly Statement Renew = new(
        "UPDATE runs SET lease_until = MAX(lease_until, $until), updated_at = $now WHERE id = $id AND status = 1 AND lease_owner = $owner",
        "$until", "$now", "$id", "$owner");

    protected override bool Run(WriteContext context) =>
        context.Statements.Native(Renew)
            .Bind(0, UnixTime.ToStored(context.Now + leaseDuration))
            .Bind(1, context.NowStored)
            .Bind(2, runId)
            .Bind(3, owner)
            .ExecuteNonQuery() == 1;
}
