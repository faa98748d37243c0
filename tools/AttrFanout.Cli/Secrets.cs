using System.Text.RegularExpressions;

namespace AttrFanout.Cli;

/// <summary>The secrets of one invocation (passwords, tokens, keys, header values), masked in every line the tool prints.</summary>
internal sealed partial class Secrets
{
    private const string Masked = "***";
    private readonly List<string> _values = [];

    /// <summary>Remembers a secret; returns it unchanged.</summary>
    public string? Add(string? value)
    {
        if (value is { Length: > 0 })
        {
            _values.Add(value);
        }

        return value;
    }

    /// <summary>Returns <paramref name="text"/> with every secret and every URL's user information masked.</summary>
    public string Mask(string text)
    {
        foreach (var value in _values.OrderByDescending(static v => v.Length))
        {
            text = text.Replace(value, Masked, StringComparison.Ordinal);
        }

        return UserInfo().Replace(text, "$1" + Masked + "@");
    }

    [GeneratedRegex(@"(\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\s]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();
}
