using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;

namespace AttrFanout.Sqlite.Flow;

/// <summary>
/// Takes one of a slot's places for a holder, inside the write transaction (so every process sharing the file agrees):
/// holders whose lease ended are dropped first; a holder already in keeps its place, its lease extended; else a place is
/// taken when fewer than the limit are held.
/// </summary>
internal sealed class AcquireSlotOperation(string slot, int limit, string holder, DateTimeOffset now, DateTimeOffset leaseUntil) : WriteOperation<bool>
{
    private static readonly Statement DropExpired = new("DELETE FROM flow_slots WHERE slot = $slot AND lease_until <= $now", "$slot", "$now");

    private static readonly Statement Extend = new(
        "UPDATE flow_slots SET lease_until = MAX(lease_until, $until) WHERE slot = $slot AND holder = $holder",
        "$until", "$slot", "$holder");

    internal static readonly Statement CountHolders = new("SELECT COUNT(*) FROM flow_slots WHERE slot = $slot", "$slot");

    private static readonly Statement Insert = new(
        "INSERT INTO flow_slots (slot, holder, lease_until) VALUES ($slot, $holder, $until)",
        "$slot", "$holder", "$until");

    protected override bool Run(WriteContext context)
    {
        var until = UnixTime.ToStored(leaseUntil);
        context.Statements.Native(DropExpired).Bind(0, slot).Bind(1, UnixTime.ToStored(now)).ExecuteNonQuery();
        if (context.Statements.Native(Extend).Bind(0, until).Bind(1, slot).Bind(2, holder).ExecuteNonQuery() == 1)
        {
            return true;
        }

        if (context.Statements.Native(CountHolders).Bind(0, slot).ExecuteInt64() >= limit)
        {
            return false;
        }

        context.Statements.Native(Insert).Bind(0, slot).Bind(1, holder).Bind(2, until).ExecuteNonQuery();
        return true;
    }
}
