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

    public static string New() => Guid.CreateVersion7().ToString("N");
}
