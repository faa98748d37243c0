using AttrFanout.Dashboard.Html;

namespace AttrFanout.Dashboard.Pages;

/// <summary>One run as the store knows it: status, attempts, last error, times, reason, replays, and its timeline.</summary>
internal static class RunDetailPage
{
    public static async Task<PageResult> RenderAsync(DashboardRequest request, string runId)
    {
        var run = await request.Site.Runs.GetAsync(runId, request.Aborted).ConfigureAwait(false);
        var html = new HtmlWriter();
        if (run is null)
        {
            html.Raw("<h1>Run not found</h1><p>The store does not know the run <span class=\"mono\">").Text(runId)
                .Raw("</span> (any more): stores that keep no succeeded runs forget them once they end.</p>");
            return new PageResult("Run not found", html.ToString(), 404);
        }

        html.Raw("<h1>Run <span class=\"mono\">").Text(run.RunId).Raw("</span> ").Element("span", Format.Status(run.Status), Format.StatusClass(run.Status)).Raw("</h1>");
        WriteActions(html, request, run);
        html.Raw("<dl class=\"run\">");
        Term(html, "Function").Raw("<dd>").Link(request.Url("runs?function=" + Uri.EscapeDataString(run.FunctionId)), run.FunctionId, "mono").Raw("</dd>");
        Term(html, "Event").Raw("<dd><span class=\"mono\">").Text(run.EventName).Raw("</span> ")
            .Link(request.Url("events?id=" + Uri.EscapeDataString(run.EventId)), run.EventId, "mono small").Raw("</dd>");
        Term(html, "Attempts").Raw("<dd class=\"attempts\">").Text(run.Attempts).Raw("</dd>");
        if (run.ErrorType is not null || run.ErrorMessage is not null)
        {
            Term(html, "Error").Raw("<dd class=\"error\">").Element("div", run.ErrorType, "mono error-type").Element("pre", run.ErrorMessage, "error-message").Raw("</dd>");
        }

        if (run.Reason is not null)
        {
            Term(html, "Reason").Raw("<dd>").Text(run.Reason).Raw("</dd>");
        }

        if (run.ReplayOf is not null)
        {
            Term(html, "Replay of").Raw("<dd>").Link(request.RunUrl(run.ReplayOf), run.ReplayOf, "mono").Raw("</dd>");
        }

        if (run.ReplayedBy is not null)
        {
            Term(html, "Replayed by").Raw("<dd>").Link(request.RunUrl(run.ReplayedBy), run.ReplayedBy, "mono replayed-by").Raw("</dd>");
        }

        html.Raw("</dl><h2>Timeline</h2>");
        RunTimeline.Write(html, run);
        return new PageResult($"Run {run.RunId}", html.ToString());
    }

    private static HtmlWriter Term(HtmlWriter html, string term) => html.Element("dt", term);

    private static void WriteActions(HtmlWriter html, DashboardRequest request, FunctionRun run)
    {
        if (!request.CanChange)
        {
            return;
        }

        html.Raw("<div class=\"actions\">");
        if (run is { Status: RunStatus.Failed, ReplayedBy: null })
        {
            request.PostButton(html, request.RunUrl(run.RunId) + "/replay", "Replay", "replay");
        }

        if (RunTable.CanCancel(run))
        {
            request.PostButton(html, request.RunUrl(run.RunId) + "/cancel", "Cancel", "cancel");
        }

        html.Raw("</div>");
    }
}
