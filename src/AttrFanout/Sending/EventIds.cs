namespace AttrFanout;

/// <summary>The rule for event and run Ids, and their generation.</summary>
internal static class EventIds
{
    public const int MaxLength = 256;

    public const string Rule = "1 to 256 printable ASCII characters without spaces (e.g. 'order-42' or a GUID)";

    public static bool IsValid(string id)
    {
        if (id.Length is 0 or > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (c is <= ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A new version 7 GUID (Unix milliseconds, then 74 random bits) in 32 hex digits: Ids sort by creation time, and
    /// the random bits come from <see cref="RandomIdBytes"/> instead of a system call per Id. The time prefix is the
    /// machine's real time on purpose: it orders Ids, it decides nothing.
    /// </summary>
    public static string New() => New(TimeProvider.System.GetUtcNow());

    internal static string New(DateTimeOffset createdAt)
    {
        Span<byte> bytes = stackalloc byte[16];
        var milliseconds = createdAt.ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)milliseconds;
            milliseconds >>= 8;
        }

        RandomIdBytes.Fill(bytes[6..]);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x70);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("N");
    }
}
