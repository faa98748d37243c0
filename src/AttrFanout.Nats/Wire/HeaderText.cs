using System.Globalization;
using NATS.Client.Core;

namespace AttrFanout.Nats.Wire;

/// <summary>Reads and writes header values: one line each, bounded, timestamps round-trip.</summary>
internal static class HeaderText
{
    private const int MaxValueLength = 2048;

    public static string Line(string value)
    {
        var line = value.ReplaceLineEndings(" ");
        return line.Length <= MaxValueLength ? line : line[..MaxValueLength];
    }

    public static string Time(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static string? Get(NatsHeaders? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    public static bool TryGetTime(NatsHeaders? headers, string name, out DateTimeOffset value)
    {
        value = default;
        var text = Get(headers, name);
        return text is not null && DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    public static int GetInt(NatsHeaders? headers, string name) =>
        int.TryParse(Get(headers, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
