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

    /// <summary>
    /// The key of a wait of the run whose Id names <paramref name="runSequence"/>: as <see cref="For(DateTimeOffset, string, ulong, int)"/>,
    /// followed by <c>-r{run sequence}</c> when the delivery is a replay (whose own sequence differs from the run's) and
    /// <c>-d</c> for a run deferred by flow control, so a run's wait can be found from its Id and told from a retry.
    /// </summary>
    public static string For(DateTimeOffset dueAt, string functionId, ulong streamSequence, int deliveryCount, ulong runSequence, bool deferred)
    {
        var key = For(dueAt, functionId, streamSequence, deliveryCount);
        if (runSequence != 0 && runSequence != streamSequence)
        {
            key += string.Create(CultureInfo.InvariantCulture, $"-r{runSequence}");
        }

        return deferred ? key + "-d" : key;
    }

    /// <summary>Reads which run of which function a key's wait is for, and whether it is a deferral.</summary>
    public static bool TryGetRun(string key, out ReadOnlySpan<char> functionId, out ulong runSequence, out bool deferred)
    {
        functionId = default;
        runSequence = 0;
        deferred = false;
        var first = key.IndexOf('.', StringComparison.Ordinal);
        var last = key.LastIndexOf('.');
        if (first < 0 || last <= first)
        {
            return false;
        }

        functionId = key.AsSpan(first + 1, last - first - 1);
        var wait = key.AsSpan(last + 1);
        deferred = wait.EndsWith("-d", StringComparison.Ordinal);
        var marker = wait.IndexOf("-r", StringComparison.Ordinal);
        var sequence = marker >= 0 ? wait[(marker + 2)..] : wait[..Math.Max(0, wait.IndexOf('-'))];
        if (deferred && marker >= 0)
        {
            sequence = sequence[..^2];
        }

        return ulong.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out runSequence);
    }

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
