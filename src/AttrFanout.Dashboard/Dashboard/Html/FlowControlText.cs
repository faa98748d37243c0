using System.Globalization;
using AttrFanout.FlowControl;

namespace AttrFanout.Dashboard.Html;

/// <summary>A function's flow-control rules as short lines, e.g. <c>throttle 10 per 1 min, burst 2, by userId</c>.</summary>
internal static class FlowControlText
{
    public static IReadOnlyList<string> Describe(FunctionFlowControl? rules)
    {
        if (rules is null)
        {
            return [];
        }

        var lines = new List<string>();
        foreach (var concurrency in rules.Concurrency)
        {
            lines.Add($"concurrency {N(concurrency.Limit)}{By(concurrency.Key)}{(concurrency.Scope is { } scope ? $", shared as '{scope}'" : "")}");
        }

        if (rules.Throttle is { } throttle)
        {
            lines.Add($"throttle {N(throttle.Limit)} per {Format.Duration(throttle.Period)}, burst {N(throttle.Burst)}{By(throttle.Key)}");
        }

        if (rules.RateLimit is { } rateLimit)
        {
            lines.Add($"rate limit {N(rateLimit.Limit)} per {Format.Duration(rateLimit.Period)}{By(rateLimit.Key)}");
        }

        if (rules.Singleton is { } singleton)
        {
            lines.Add($"singleton ({singleton.Mode.ToString().ToLowerInvariant()}){By(singleton.Key)}");
        }

        if (rules.Priority is { } priority)
        {
            lines.Add($"priority from {priority.Method}");
        }

        if (rules.Idempotency is { } idempotency)
        {
            lines.Add($"idempotent by {idempotency.Key.Expression} for {Format.Duration(idempotency.Period)}");
        }

        return lines;
    }

    private static string By(PayloadKey? key) => key is null ? "" : $" by {key.Expression}";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
