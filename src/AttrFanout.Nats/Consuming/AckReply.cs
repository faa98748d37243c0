namespace AttrFanout.Nats.Consuming;

/// <summary>
/// What the server tells about a delivery in its ack subject: <c>$JS.ACK.{stream}.{consumer}.{delivered}.{stream seq}.{consumer seq}.{time}.{pending}</c>,
/// or with <c>{domain}.{account hash}</c> before the stream and a random token at the end (servers 2.9+ may send either).
/// As the protocol asks of clients (ADR-15, and the official clients), a subject of 11 tokens or more is read in the
/// second form, whatever follows the pending count.
/// </summary>
/// <param name="Consumer">The consumer's name.</param>
/// <param name="StreamSequence">The message's sequence in the stream.</param>
/// <param name="DeliveryCount">Which delivery this is, starting at 1.</param>
/// <param name="StoredAt">When the message was stored.</param>
internal readonly record struct AckReply(string Consumer, ulong StreamSequence, int DeliveryCount, DateTimeOffset StoredAt)
{
    private const string Prefix = "$JS.ACK.";

    /// <summary>Reads an ack subject without allocating more than the consumer's name (shared when it is one of <paramref name="knownConsumers"/>).</summary>
    public static bool TryParse(string replyTo, ReadOnlySpan<string> knownConsumers, out AckReply reply)
    {
        reply = default;
        if (!replyTo.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = replyTo.AsSpan(Prefix.Length);
        Span<int> starts = stackalloc int[11];
        var count = 0;
        for (var at = 0; count < starts.Length; count++)
        {
            starts[count] = at;
            var dot = rest[at..].IndexOf('.');
            if (dot < 0)
            {
                count++;
                break;
            }

            at += dot + 1;
        }

        var first = count switch
        {
            7 => 0,
            >= 9 => 2,
            _ => -1,
        };
        if (first < 0
            || !TryParseDigits(Token(rest, starts, count, first + 2), out var delivered)
            || !TryParseDigits(Token(rest, starts, count, first + 3), out var sequence)
            || !TryParseDigits(Token(rest, starts, count, first + 5), out var nanoseconds))
        {
            return false;
        }

        var consumer = Token(rest, starts, count, first + 1);
        var name = default(string);
        foreach (var known in knownConsumers)
        {
            if (consumer.SequenceEqual(known))
            {
                name = known;
                break;
            }
        }

        reply = new AckReply(
            name ?? consumer.ToString(),
            sequence,
            (int)Math.Min(delivered, int.MaxValue),
            DateTimeOffset.UnixEpoch.AddTicks((long)Math.Min(nanoseconds / 100, (ulong)(DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks)));
        return true;
    }

    private static ReadOnlySpan<char> Token(ReadOnlySpan<char> rest, ReadOnlySpan<int> starts, int count, int index)
    {
        var end = index + 1 < count ? starts[index + 1] - 1 : rest.Length;
        return rest[starts[index]..end];
    }

    private static bool TryParseDigits(ReadOnlySpan<char> digits, out ulong value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 19)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (ulong)(c - '0');
        }

        return true;
    }
}
