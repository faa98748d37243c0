using System.Globalization;

namespace AttrFanout.Generators.Parsing.FlowControl;

/// <summary>
/// A named concurrency scope and its limit as recorded in <c>FanoutFunctionAttribute.ConcurrencyScopes</c>: <c>"openai=50"</c>,
/// split at the last <c>=</c> so a scope name may contain one.
/// </summary>
internal static class ScopeLimits
{
    public static string Format(string scope, int limit) => scope + "=" + limit.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? entry, out string scope, out int limit)
    {
        var separator = entry?.LastIndexOf('=') ?? -1;
        scope = separator < 0 ? "" : entry!.Substring(0, separator);
        limit = 0;
        return separator >= 0 && int.TryParse(entry!.Substring(separator + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out limit);
    }
}
