using System.Text;

namespace AttrFanout.Nats.FlowControl;

/// <summary>
/// Names the entries of the flow-control bucket: <c>{kind}.{name}</c>, where the name (a slot's, a rate bucket's, an
/// idempotency key's, a run's) keeps letters, digits, <c>-</c> and <c>_</c> as they are and writes every other UTF-8 byte
/// as <c>=XX</c>, so any text is one valid KeyValue key token and two names never share an entry.
/// </summary>
internal static class FlowKeyNames
{
    public const string Slot = "slot";
    public const string Rate = "rate";
    public const string Idempotency = "idem";
    public const string Cancelled = "cancelled";
    public const string CancelOn = "cancelon";

    public static string For(string kind, string name) => kind + "." + Escape(name);

    /// <summary>An idempotency claim: one per function and key.</summary>
    public static string Claim(string functionId, string key) => For(Idempotency, functionId + ":" + key);

    public static string Escape(string name)
    {
        if (name.Length == 0)
        {
            return "=";
        }

        var builder = new StringBuilder(name.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('=').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Reads back a name written by <see cref="Escape"/>.</summary>
    public static string Unescape(ReadOnlySpan<char> escaped)
    {
        if (escaped.SequenceEqual("="))
        {
            return "";
        }

        var bytes = new List<byte>(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] == '=' && i + 2 < escaped.Length)
            {
                bytes.Add(byte.Parse(escaped.Slice(i + 1, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                bytes.Add((byte)escaped[i]);
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}
