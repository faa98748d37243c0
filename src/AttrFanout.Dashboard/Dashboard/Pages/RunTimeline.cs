using AttrFanout.Dashboard.Html;

namespace AttrFanout.Dashboard.Pages;

/// <summary>
/// A run's timeline from what every store keeps: when it was created, its attempts, when the next is due, when it ended.
/// Stores keep a run's last error, not one per attempt, so the timeline says so instead of inventing attempts.
/// </summary>
internal static class RunTimeline
{
    public static void Write(HtmlWriter html, FunctionRun run)
    {
        html.Raw("<ol class=\"timeline\">");
        Entry(html, run.CreatedAt, "created", "Created");
        var attempts = run.Attempts switch
        {
            0 => "No attempt has finished yet",
            1 => "1 attempt finished",
            _ => $"{run.Attempts} attempts finished",
        };
        var detail = run.ErrorType is null ? "" : $"; the last failed with {run.ErrorType}";
        Entry(html, run.UpdatedAt, "attempts", attempts + detail);
        if (run.NextAttemptAt is { } next)
        {
            Entry(html, next, "next", $"Attempt {run.Attempts + 1} due");
        }

        var ended = run.Status switch
        {
            RunStatus.Succeeded => "Succeeded",
            RunStatus.Failed => "Failed for good",
            RunStatus.Skipped => "Skipped",
            RunStatus.Cancelled => "Cancelled",
            _ => null,
        };
        if (ended is not null)
        {
            var at = run.FailedAt ?? run.UpdatedAt;
            Entry(html, at, "ended", $"{ended} after {Format.Duration(at - run.CreatedAt)}");
        }

        html.Raw("</ol><p class=\"note\">The store keeps a run's last error, not each attempt's.</p>");
    }

    private static void Entry(HtmlWriter html, DateTimeOffset time, string kind, string text) =>
        html.Raw("<li class=\"").Text(kind).Raw("\">").Time(time).Raw(" ").Text(text).Raw("</li>");
}
