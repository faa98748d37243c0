using AttrFanout.Sqlite.Storage;

namespace AttrFanout.Sqlite.Flow;

/// <summary>Reads the holders of a slot whose lease has not ended.</summary>
internal static class SlotHolders
{
    private static readonly Statement Live = new(
        "SELECT holder FROM flow_slots WHERE slot = $slot AND lease_until > $now ORDER BY holder",
        "$slot", "$now");

    public static IReadOnlyList<string> Read(StatementCache statements, string slot, DateTimeOffset now)
    {
        var holders = new List<string>();
        using var reader = statements.Get(Live).Bind(0, slot).Bind(1, UnixTime.ToStored(now)).ExecuteReader();
        while (reader.Read())
        {
            holders.Add(reader.GetString(0));
        }

        return holders;
    }
}
