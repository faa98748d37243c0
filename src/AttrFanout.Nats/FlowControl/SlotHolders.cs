using System.Buffers;
using System.Text.Json;

namespace AttrFanout.Nats.FlowControl;

/// <summary>
/// The value of a slot's entry: its holders and the end of each one's lease, as JSON <c>{"holder": unix ms, …}</c>.
/// Holders whose lease ran out are dropped whenever the entry is written.
/// </summary>
internal sealed class SlotHolders
{
    private readonly Dictionary<string, long> _leases;

    private SlotHolders(Dictionary<string, long> leases) => _leases = leases;

    public int Count => _leases.Count;

    public static SlotHolders Decode(byte[]? value)
    {
        var leases = new Dictionary<string, long>(StringComparer.Ordinal);
        if (value is not { Length: > 0 })
        {
            return new SlotHolders(leases);
        }

        try
        {
            var reader = new Utf8JsonReader(value);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var holder = reader.GetString()!;
                    reader.Read();
                    leases[holder] = reader.GetInt64();
                }
            }
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or FormatException)
        {
            // An unreadable entry holds nobody: its holders' leases are unknown, and at worst they run out.
            leases.Clear();
        }

        return new SlotHolders(leases);
    }

    public byte[] Encode()
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (holder, until) in _leases)
            {
                writer.WriteNumber(holder, until);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Drops the holders whose lease ran out before <paramref name="now"/>.</summary>
    public void DropExpired(DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        foreach (var (holder, until) in _leases)
        {
            if (until <= nowMs)
            {
                _leases.Remove(holder);
            }
        }
    }

    public bool Holds(string holder) => _leases.ContainsKey(holder);

    public void Set(string holder, DateTimeOffset leaseUntil) => _leases[holder] = leaseUntil.ToUnixTimeMilliseconds();

    public bool Remove(string holder) => _leases.Remove(holder);

    public IReadOnlyList<string> Holders() => [.. _leases.Keys];
}
