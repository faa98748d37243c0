using System.Security.Cryptography;
using System.Text;

namespace AttrFanout.Triggers;

/// <summary>
/// The names of the events that start the runs of holds: <c>attrfanout/debounce/{function}</c> and
/// <c>attrfanout/batch/{function}</c>, each taken by its function only, with an Id derived from the events it carries, so
/// a flush repeated by another process (or after a crash) is the same event, which the store keeps once.
/// </summary>
public static class HoldNames
{
    /// <summary>The prefix of the names of debounce events.</summary>
    public const string DebouncePrefix = "attrfanout/debounce/";

    /// <summary>The prefix of the names of batch events.</summary>
    public const string BatchPrefix = "attrfanout/batch/";

    /// <summary>Gets the name of the event that runs a debounce of <paramref name="functionId"/>.</summary>
    /// <param name="functionId">The function's Id.</param>
    public static string Debounce(string functionId) => DebouncePrefix + functionId;

    /// <summary>Gets the name of the event that runs a batch of <paramref name="functionId"/>.</summary>
    /// <param name="functionId">The function's Id.</param>
    public static string Batch(string functionId) => BatchPrefix + functionId;

    /// <summary>Gets whether <paramref name="eventName"/> names the event of a hold, and which function takes it.</summary>
    /// <param name="eventName">The event name.</param>
    /// <param name="functionId">The function that takes it.</param>
    public static bool TryGetFunction(string eventName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? functionId)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        functionId = eventName.StartsWith(DebouncePrefix, StringComparison.Ordinal) ? eventName[DebouncePrefix.Length..]
            : eventName.StartsWith(BatchPrefix, StringComparison.Ordinal) ? eventName[BatchPrefix.Length..]
            : null;
        return !string.IsNullOrEmpty(functionId);
    }

    /// <summary>Gets the Id of the event that runs <paramref name="eventIds"/> of the hold of <paramref name="functionId"/> for <paramref name="key"/>.</summary>
    internal static string FlushEventId(string kind, string functionId, string key, IEnumerable<string> eventIds)
    {
        var text = new StringBuilder(key).Append('\n');
        foreach (var id in eventIds)
        {
            text.Append(id).Append('\n');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return $"{kind}:{functionId}:{Convert.ToHexStringLower(hash.AsSpan(0, 16))}";
    }
}
