namespace AttrFanout.Sqlite.Storage;

/// <summary>Times are stored as Unix milliseconds (UTC).</summary>
internal static class UnixTime
{
    public static long ToStored(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromStored(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
