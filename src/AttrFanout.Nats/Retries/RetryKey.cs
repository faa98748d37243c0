using System.Globalization;

namespace AttrFanout.Nats.Retries;

/// <summary>
/// A waiting run's key in the retry bucket: <c>{due, Unix ms}.{function Id}.{stream sequence}-{delivery}</c>. The due
/// time in the key lets every instance schedule the bucket's runs from their keys alone; the function's delivery it ends
/// names the wait, so each delivery records at most one (every function of an event consumes the same stream message, so
/// the function is part of the name).
/// </summary>
internal static class RetryKey
{
    public static string For(DateTimeOffset dueAt, string functionId, ulong streamSequence, int deliveryCount) =>
        string.Create(CultureInfo.InvariantCulture, $"{dueAt.ToUnixTimeMilliseconds()}.{functionId}.{streamSequence}-{deliveryCount}");

    public static bool TryGetDue(string key, out DateTimeOffset dueAt)
    {
        dueAt = default;
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(key.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return false;
        }

        dueAt = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return true;
    }

    /// <summary>Reads the function and the stream sequence back from a key.</summary>
    public static bool TryParse(string key, out string functionId, out ulong streamSequence)
    {
        functionId = "";
        streamSequence = 0;
        var first = key.IndexOf('.', StringComparison.Ordinal);
        var last = key.LastIndexOf('.');
        var dash = key.LastIndexOf('-');
        if (first < 0 || last <= first || dash <= last
            || !ulong.TryParse(key.AsSpan(last + 1, dash - last - 1), NumberStyles.None, CultureInfo.InvariantCulture, out streamSequence))
        {
            return false;
        }

        functionId = key.Substring(first + 1, last - first - 1);
        return true;
    }

    /// <summary>The message Id of the wait's replay: the server drops a second publish of it (another instance's, or one repeated after a crash).</summary>
    public static string ReplayMessageId(string key) => "retry-" + key;
}
