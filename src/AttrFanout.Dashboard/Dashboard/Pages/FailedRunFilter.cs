using System.Globalization;

namespace AttrFanout.Dashboard.Pages;

/// <summary>The failed-runs filters as the page's query string and the replay form carry them.</summary>
internal static class FailedRunFilter
{
    public static FailedRunQuery From(Func<string, string?> read, int limit) => new()
    {
        FunctionId = read("function"),
        EventName = read("event"),
        FailedFrom = Time(read("from")),
        FailedBefore = Time(read("before")),
        IncludeReplayed = read("replayed") is "on" or "true" or "1",
        Limit = limit,
    };

    public static IReadOnlyList<KeyValuePair<string, string?>> Fields(FailedRunQuery query) =>
    [
        new("function", query.FunctionId),
        new("event", query.EventName),
        new("from", query.FailedFrom?.ToString("O", CultureInfo.InvariantCulture)),
        new("before", query.FailedBefore?.ToString("O", CultureInfo.InvariantCulture)),
    ];

    private static DateTimeOffset? Time(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
