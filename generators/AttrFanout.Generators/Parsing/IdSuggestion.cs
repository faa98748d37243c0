using System.Text;

namespace AttrFanout.Generators.Parsing;

/// <summary>Turns an invalid function Id into the nearest valid one, in kebab case (<c>"Send Welcome.Email"</c> → <c>send-welcome-email</c>).</summary>
internal static class IdSuggestion
{
    /// <summary>The valid Id closest to <paramref name="id"/>, or null when nothing valid remains of it.</summary>
    public static string? For(string? id)
    {
        if (id is null)
        {
            return null;
        }

        var builder = new StringBuilder(id.Length + 8);
        foreach (var c in FanoutNames.ToKebabCase(id.Trim()))
        {
            var lower = char.ToLowerInvariant(c);
            var keep = lower is >= 'a' and <= 'z' or >= '0' and <= '9' or '_';
            if (keep)
            {
                builder.Append(lower);
            }
            else if (builder.Length > 0 && builder[builder.Length - 1] != '-')
            {
                builder.Append('-');
            }
        }

        var suggestion = builder.ToString().Trim('-', '_');
        if (suggestion.Length > FanoutNames.MaxLength)
        {
            suggestion = suggestion.Substring(0, FanoutNames.MaxLength).TrimEnd('-', '_');
        }

        return FanoutNames.IsValidFunctionId(suggestion) ? suggestion : null;
    }
}
