using System.Text;

namespace AttrFanout.Generators.Emit;

/// <summary>
/// Turns any legal type name into a hint name Roslyn accepts: ASCII letters, digits, '_' and '.' are kept, anything else
/// ('@', '&lt;', Unicode letters, ...) becomes '_' and a hash of the original name is appended so two types never share a file.
/// Roslyn compares hint names ignoring case, so <see cref="ForTypes"/> also hashes names that differ from another only in case.
/// </summary>
internal static class HintNames
{
    /// <summary>A hint name for each distinct type, unique ignoring case, the same for the same set of types on every run.</summary>
    public static IReadOnlyList<(string TypeFqn, string HintName)> ForTypes(IEnumerable<string> typeFqns, string suffix)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<(string, string)>();
        foreach (var fqn in typeFqns.Distinct(StringComparer.Ordinal).OrderBy(static f => f, StringComparer.Ordinal))
        {
            var hint = ForType(fqn, suffix);
            if (!used.Add(hint))
            {
                hint = ForType(fqn, suffix, alwaysHash: true);
                used.Add(hint);
            }

            names.Add((fqn, hint));
        }

        return names;
    }

    public static string ForType(string typeFqn, string suffix, bool alwaysHash = false)
    {
        var name = typeFqn.StartsWith("global::", StringComparison.Ordinal) ? typeFqn.Substring("global::".Length) : typeFqn;
        var builder = new StringBuilder(name.Length + 16);
        var changed = false;
        foreach (var c in name)
        {
            var keep = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '.';
            builder.Append(keep ? c : '_');
            changed |= !keep;
        }

        if (changed || alwaysHash)
        {
            builder.Append('_').Append(Fnv1a(name).ToString("x8"));
        }

        return builder.Append(suffix).ToString();
    }

    /// <summary>A hash that is the same on every run and machine (unlike <see cref="string.GetHashCode()"/>).</summary>
    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }
}
