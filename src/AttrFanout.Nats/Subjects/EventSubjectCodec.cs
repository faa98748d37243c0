using System.Text;

namespace AttrFanout.Nats.Subjects;

/// <summary>
/// Maps an event name to subject tokens and back, one to one: <c>/</c> separates tokens, and the characters a token
/// cannot carry are escaped with <c>_</c> (<c>.</c> → <c>_2E</c>, <c>_</c> → <c>_5F</c>).
/// </summary>
internal static class EventSubjectCodec
{
    private const string EscapedDot = "_2E";
    private const string EscapedUnderscore = "_5F";

    /// <summary>Encodes a valid event name as dot-separated subject tokens.</summary>
    /// <exception cref="ArgumentException">The name is not a valid event name.</exception>
    public static string Encode(string eventName)
    {
        if (!FanoutNames.IsValidEventName(eventName))
        {
            throw new ArgumentException($"'{eventName}' is not a valid event name: {FanoutNames.EventNameRule}.", nameof(eventName));
        }

        var builder = new StringBuilder(eventName.Length + 8);
        foreach (var c in eventName)
        {
            _ = c switch
            {
                '/' => builder.Append('.'),
                '.' => builder.Append(EscapedDot),
                '_' => builder.Append(EscapedUnderscore),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    /// <summary>Decodes subject tokens produced by <see cref="Encode"/>; fails on anything else.</summary>
    public static bool TryDecode(ReadOnlySpan<char> tokens, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? eventName)
    {
        eventName = null;
        var builder = new StringBuilder(tokens.Length);
        for (var i = 0; i < tokens.Length; i++)
        {
            var c = tokens[i];
            if (c == '.')
            {
                builder.Append('/');
            }
            else if (c == '_')
            {
                var escape = tokens.Length - i >= 3 ? tokens.Slice(i, 3) : default;
                if (escape.SequenceEqual(EscapedDot))
                {
                    builder.Append('.');
                }
                else if (escape.SequenceEqual(EscapedUnderscore))
                {
                    builder.Append('_');
                }
                else
                {
                    return false;
                }

                i += 2;
            }
            else if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-')
            {
                builder.Append(c);
            }
            else
            {
                return false;
            }
        }

        var decoded = builder.ToString();
        if (!FanoutNames.IsValidEventName(decoded))
        {
            return false;
        }

        eventName = decoded;
        return true;
    }
}
