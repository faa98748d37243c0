using AttrFanout.Sqlite.Storage;
using AttrFanout.Sqlite.Writing;

namespace AttrFanout.Sqlite.Flow;

/// <summary>Gives a holder's place in a slot back; nothing when it holds none.</summary>
internal sealed class ReleaseSlotOperation(string slot, string holder) : WriteOperation<bool>
{
    private static readonly Statement Release = new("DELETE FROM flow_slots WHERE slot = $slot AND holder = $holder", "$slot", "$holder");

    protected override bool Run(WriteContext context) =>
        context.Statements.Native(Release).Bind(0, slot).Bind(1, holder).ExecuteNonQuery() == 1;
}
