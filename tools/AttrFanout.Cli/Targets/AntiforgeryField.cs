using System.Net;
using System.Text.RegularExpressions;

namespace AttrFanout.Cli.Targets;

/// <summary>Finds the antiforgery field a dashboard page puts in its forms (<c>&lt;input type="hidden" data-token name=… value=…&gt;</c>).</summary>
internal static partial class AntiforgeryField
{
    public static KeyValuePair<string, string>? Find(string html) =>
        Field().Match(html) is { Success: true } match
            ? new(WebUtility.HtmlDecode(match.Groups["name"].Value), WebUtility.HtmlDecode(match.Groups["value"].Value))
            : null;

    [GeneratedRegex("<input type=\"hidden\" data-token name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">", RegexOptions.CultureInvariant)]
    private static partial Regex Field();
}
