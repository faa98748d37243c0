using System.Globalization;

namespace AttrFanout.Engine;

/// <summary>The names of the slots and buckets flow control keeps in a store, the same in every process.</summary>
internal static class FlowSlotNames
{
    public static string Concurrency(string functionId, int ruleIndex, string? scope, string key) =>
        scope is null
            ? string.Create(CultureInfo.InvariantCulture, $"c:{functionId}:{ruleIndex}:{key}")
            : $"c:scope:{scope}:{key}";

    public static string Singleton(string functionId, string key) => $"s:{functionId}:{key}";

    public static string RateLimit(string functionId, string key) => $"r:{functionId}:{key}";

    public static string Throttle(string functionId, string key) => $"t:{functionId}:{key}";
}
