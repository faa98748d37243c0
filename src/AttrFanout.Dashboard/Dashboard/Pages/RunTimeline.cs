using AttrFanout.Dashboard.Html;

namespace AttrFanout.Dashboard.Pages;

/// <summary>
/// A run's timeline: when it was created, each attempt the store kept (start, duration, outcome, error, and its stack
/// trace in a <c>&lt;details&gt;</c> that opens without JavaScript), the attempt executing or due next, and its end. What
/// the store did not keep is said where it is missing, never left out silently.
/// </summary>
internal static class RunTimeline
{
    public static void Write(HtmlWriter html, FunctionRun run)
    {
        html.Raw("<ol class=\"timeline\">");
        Entry(html, run.CreatedAt, "created").Text("Created").Raw("</li>");
        if (run.AttemptsNotKept > 0)
        {
            html.Raw("<li class=\"not-kept\">").Text(NotKept(run)).Raw("</li>");
        }

        foreach (var attempt in run.AttemptHistory)
        {
            WriteAttempt(html, attempt);
        }

        if (run.Status == RunStatus.Running)
        {
            Entry(html, run.UpdatedAt, "running").Text($"Attempt {run.Attempts + 1} executing").Raw("</li>");
        }

        if (run.NextAttemptAt is { } next)
        {
            Entry(html, next, "next").Text($"Attempt {run.Attempts + 1} due").Raw("</li>");
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
            Entry(html, at, "ended").Text($"{ended} after {Format.Duration(at - run.CreatedAt)}").Raw("</li>");
        }

        html.Raw("</ol>");
    }

    private static void WriteAttempt(HtmlWriter html, RunAttempt attempt)
    {
        Entry(html, attempt.StartedAt, "attempt attempt-" + OutcomeClass(attempt.Outcome))
            .Raw("<span class=\"attempt-number\">").Text($"Attempt {attempt.Number}").Raw("</span> ")
            .Element("span", Outcome(attempt.Outcome), "attempt-outcome")
            .Raw(" <span class=\"muted\">").Text($"in {Format.Duration(attempt.Duration)}").Raw("</span>");
        if (attempt.ErrorType is not null || attempt.ErrorMessage is not null)
        {
            html.Raw("<div class=\"error\">").Element("div", attempt.ErrorType, "mono error-type").Element("pre", attempt.ErrorMessage, "error-message").Raw("</div>");
        }

        if (attempt.StackTrace is { Length: > 0 } stackTrace)
        {
            html.Raw("<details class=\"stack-trace\"><summary>Stack trace</summary>").Element("pre", stackTrace, "mono").Raw("</details>");
        }

        html.Raw("</li>");
    }

    private static string NotKept(FunctionRun run) => run.AttemptsNotKept == run.Attempts
        ? $"The store kept no record of the {Count(run.Attempts)} before"
        : $"{Count(run.AttemptsNotKept)} not kept (older ones let go by the store's bound, or ended by a process that stopped)";

    private static string Count(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";

    private static string Outcome(RunAttemptOutcome outcome) => outcome switch
    {
        RunAttemptOutcome.FailedWillRetry => "Failed, retried",
        RunAttemptOutcome.TimedOut => "Timed out",
        RunAttemptOutcome.Interrupted => "Interrupted by shutdown",
        _ => outcome.ToString(),
    };

    private static string OutcomeClass(RunAttemptOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static HtmlWriter Entry(HtmlWriter html, DateTimeOffset time, string kind) =>
        html.Raw("<li class=\"").Text(kind).Raw("\">").Time(time).Raw(" ");
}
