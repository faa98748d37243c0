using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;

namespace AttrFanout.Sqlite.Flow;

/// <summary>Extends a holder's lease on a slot (never shortening it); false when its lease had already ended or it holds none.</summary>
internal sealed class RenewSlotOperation(string slot, string holder, DateTimeOffset leaseUntil) : WriteOperation<bool>
{
    private static readonly Statement Renew = new(
        "UPDATE flow_slots SET lease_until = MAX(lease_until, $until) WHERE slot = $slot AND holder = $holder AND lease_until > $now",
        "$until", "$slot", "$holder", "$now");

    protected override bool Run(WriteContext context) =>
        context.Statements.Native(Renew).Bind(0, UnixTime.ToStored(leaseUntil)).Bind(1, slot).Bind(2, holder).Bind(3, context.NowStored).ExecuteNonQuery() == 1;
}
