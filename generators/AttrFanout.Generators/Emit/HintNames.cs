using System.Text;

namespace AttrFanout.Generators.Emit;

/// <summary>
/// Turns any legal type name into a hint name Roslyn accepts: ASCII letters, digits, '_' and '.' are kept, anything else
/// ('@', '&lt;', Unicode letters, ...) becomes '_' and a hash of the original name is appended so two types never share a file.
/// </summary>
internal static class HintNames
{
    public static string ForType(string typeFqn, string suffix)
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

        if (changed)
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
