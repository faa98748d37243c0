using System.Security.Cryptography;
using System.Text;

namespace AttrFanout.Dashboard.Html;

/// <summary>
/// A fingerprint of a page's live region without its form tokens (new on every render), so the browser swaps the region
/// only when what it shows changed, never under a click.
/// </summary>
internal static class ContentVersion
{
    private const string TokenStart = "<input type=\"hidden\" data-token";

    public static string Of(string main)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var rest = main.AsSpan();
        while (rest.IndexOf(TokenStart, StringComparison.Ordinal) is var start and >= 0)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(rest[..start].ToString()));
            var end = rest[start..].IndexOf('>');
            rest = end < 0 ? [] : rest[(start + end + 1)..];
        }

        hash.AppendData(Encoding.UTF8.GetBytes(rest.ToString()));
        return Convert.ToHexString(hash.GetCurrentHash(), 0, 12);
    }
}
