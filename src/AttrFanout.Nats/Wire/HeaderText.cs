using System.Globalization;
using NATS.Client.Core;

namespace AttrFanout.Nats.Wire;

/// <summary>Reads and writes header values: one line each, bounded, timestamps round-trip.</summary>
internal static class HeaderText
{
    private const int MaxValueLength = 2048;
    private const string TimeWithOffset = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz";
    private const string UtcTime = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";

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
        return text is not null && TryParseTime(text, out value);
    }

    /// <summary>
    /// Reads an ISO 8601 / RFC 3339 time with an explicit offset: what <see cref="Time"/> writes, and the forms other
    /// languages write (<c>2026-12-06T13:45:00.123Z</c>, <c>2026-12-06T13:45:00.123456+00:00</c>), with 0 to 7 fraction digits.
    /// A time without an offset is refused: it would mean a different instant on each machine.
    /// </summary>
    public static bool TryParseTime(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
        || DateTimeOffset.TryParseExact(text, TimeWithOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
        || DateTimeOffset.TryParseExact(text, UtcTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    public static int GetInt(NatsHeaders? headers, string name) =>
        int.TryParse(Get(headers, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
