using AttrFanout.Dashboard.Html;

namespace AttrFanout.Dashboard.Pages;

/// <summary>A table of runs, each linked to its page, with a replay button on failed runs and a cancel button on unfinished ones when the dashboard may change things.</summary>
internal static class RunTable
{
    public static void Write(HtmlWriter html, DashboardRequest request, IReadOnlyList<FunctionRun> runs, bool showEvent = true)
    {
        if (runs.Count == 0)
        {
            html.Raw("<p class=\"empty\">No runs.</p>");
            return;
        }

        html.Raw("<table class=\"runs\"><thead><tr><th>Run</th><th>Function</th>");
        if (showEvent)
        {
            html.Raw("<th>Event</th>");
        }

        html.Raw("<th>Status</th><th>Attempts</th><th>Error</th><th>Updated</th><th></th></tr></thead><tbody>");
        foreach (var run in runs)
        {
            html.Raw("<tr data-run=\"").Text(run.RunId).Raw("\"><td>").Link(request.RunUrl(run.RunId), run.RunId, "mono").Raw("</td>");
            html.Raw("<td>").Link(request.Url("runs?function=" + Uri.EscapeDataString(run.FunctionId)), run.FunctionId, "mono").Raw("</td>");
            if (showEvent)
            {
                html.Raw("<td><span class=\"mono\">").Text(run.EventName).Raw("</span><br>");
                html.Link(request.Url("events?id=" + Uri.EscapeDataString(run.EventId)), run.EventId, "mono small").Raw("</td>");
            }

            html.Raw("<td>").Element("span", Format.Status(run.Status), Format.StatusClass(run.Status)).Raw("</td>");
            html.Element("td", run.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture), "count");
            html.Raw("<td class=\"error\">");
            if (run.ErrorType is not null)
            {
                html.Element("div", run.ErrorType, "mono small");
            }

            html.Element("div", run.ErrorMessage ?? run.Reason);
            html.Raw("</td><td>").Time(run.UpdatedAt).Raw("</td><td>");
            if (request.CanChange && run is { Status: RunStatus.Failed, ReplayedBy: null })
            {
                request.PostButton(html, request.RunUrl(run.RunId) + "/replay", "Replay", "replay");
            }
            else if (request.CanChange && CanCancel(run))
            {
                request.PostButton(html, request.RunUrl(run.RunId) + "/cancel", "Cancel", "cancel");
            }

            html.Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
    }

    /// <summary>Whether the run has not ended, so cancelling it can still change something.</summary>
    public static bool CanCancel(FunctionRun run) => run.Status is RunStatus.Pending or RunStatus.Running or RunStatus.RetryScheduled;
}
