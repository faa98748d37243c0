using System.Text;

namespace AttrFanout;

/// <summary>
/// The rules for event names and function Ids, shared by the runtime and the compile-time analyzers.
/// </summary>
public static class FanoutNames
{
    /// <summary>The longest allowed event name or function Id.</summary>
    public const int MaxLength = 128;

    /// <summary>Describes the allowed form of an event name, for error messages.</summary>
    public const string EventNameRule =
        "segments separated by '/', each starting with a letter or digit and continuing with letters, digits, '.', '-' or '_', at most 128 characters (e.g. 'user/signup')";

    /// <summary>Describes the allowed form of a function Id, for error messages.</summary>
    public const string FunctionIdRule =
        "lowercase letters, digits, '-' and '_', starting with a letter or digit, at most 128 characters (e.g. 'send-welcome-email')";

    /// <summary>Returns whether <paramref name="name"/> is a valid event name.</summary>
    /// <param name="name">The candidate event name.</param>
    public static bool IsValidEventName(string? name)
    {
        if (name is null || name.Length == 0 || name.Length > MaxLength)
        {
            return false;
        }

        var atSegmentStart = true;
        foreach (var c in name)
        {
            if (c == '/')
            {
                if (atSegmentStart)
                {
                    return false;
                }

                atSegmentStart = true;
                continue;
            }

            var valid = atSegmentStart ? IsAsciiLetterOrDigit(c) : IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_';
            if (!valid)
            {
                return false;
            }

            atSegmentStart = false;
        }

        return !atSegmentStart;
    }

    /// <summary>Returns whether <paramref name="id"/> is a valid function Id.</summary>
    /// <param name="id">The candidate function Id.</param>
    public static bool IsValidFunctionId(string? id)
    {
        if (id is null || id.Length == 0 || id.Length > MaxLength || !IsLowerLetterOrDigit(id[0]))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!IsLowerLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Derives the function Id used when <see cref="OnEventAttribute.Id"/> is not set:
    /// the kebab-case type name and method name joined by <c>-</c> (<c>Welcome.SendEmail</c> → <c>welcome-send-email</c>).
    /// </summary>
    /// <param name="typeName">The simple name of the type declaring the method.</param>
    /// <param name="methodName">The method name.</param>
    public static string DeriveFunctionId(string typeName, string methodName) =>
        ToKebabCase(typeName) + "-" + ToKebabCase(methodName);

    /// <summary>Converts a PascalCase or camelCase identifier to kebab case (<c>HTTPClientFactory</c> → <c>http-client-factory</c>).</summary>
    /// <param name="identifier">The identifier to convert.</param>
    public static string ToKebabCase(string identifier)
    {
        var builder = new StringBuilder(identifier.Length + 8);
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(identifier[i - 1]) || char.IsDigit(identifier[i - 1]));
                var endsAcronym = i > 0 && char.IsUpper(identifier[i - 1]) && i + 1 < identifier.Length && char.IsLower(identifier[i + 1]);
                if ((previousIsLowerOrDigit || endsAcronym) && builder.Length > 0 && builder[builder.Length - 1] != '-')
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Returns the name among <paramref name="candidates"/> closest to <paramref name="name"/>, or <see langword="null"/> when none is close.</summary>
    /// <param name="name">The name that was not found.</param>
    /// <param name="candidates">The known names.</param>
    public static string? FindNearest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance(name, candidate);
            if (distance < bestDistance || (distance == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var tolerance = Math.Max(2, name.Length / 3);
        return bestDistance <= tolerance ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';

    private static bool IsLowerLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';
}
