using AttrFanout.Dashboard.Html;

namespace AttrFanout.Dashboard.Pages;

/// <summary>Failed runs (dead letters), filtered by function, event and failure time, with replay of one or of all shown.</summary>
internal static class FailedRunsPage
{
    public static async Task<PageResult> RenderAsync(DashboardRequest request)
    {
        var query = FailedRunFilter.From(request.Query, request.Site.Options.PageSize);
        var failed = await request.Site.Runs.ListFailedAsync(query, request.Aborted).ConfigureAwait(false);
        var html = new HtmlWriter();
        html.Raw("<h1>Failed runs</h1>");
        if (request.Query("replayedCount") is { } replayed)
        {
            html.Element("p", $"Replayed {replayed} failed runs.", "flash");
        }

        WriteFilters(html, request, query);
        var ordered = failed.OrderByDescending(static r => r.FailedAt).ToList();
        if (request.CanChange && ordered.Any(static r => r.ReplayedBy is null))
        {
            html.Raw("<div class=\"actions\">");
            request.PostButton(html, request.Url("failed/replay"), $"Replay all {ordered.Count(static r => r.ReplayedBy is null)} shown", "replay replay-all", FailedRunFilter.Fields(query));
            html.Raw("</div>");
        }

        RunTable.Write(html, request, ordered);
        if (failed.Count >= query.Limit)
        {
            html.Element("p", $"Showing the oldest {query.Limit} failed runs that match; narrow the filters to see others.", "note");
        }

        return new PageResult("Failed runs", html.ToString());
    }

    private static void WriteFilters(HtmlWriter html, DashboardRequest request, FailedRunQuery query)
    {
        html.Raw("<form method=\"get\" class=\"filters\" action=\"").Text(request.Url("failed")).Raw("\">");
        FilterFields.FunctionSelect(html, request, query.FunctionId);
        FilterFields.EventSelect(html, request, "event", query.EventName);
        html.Raw("<label>Failed from <input type=\"text\" name=\"from\" placeholder=\"2026-12-06T10:00Z\" value=\"").Text(request.Query("from")).Raw("\"></label>");
        html.Raw("<label>before <input type=\"text\" name=\"before\" value=\"").Text(request.Query("before")).Raw("\"></label>");
        html.Raw("<label><input type=\"checkbox\" name=\"replayed\" value=\"on\"").Raw(query.IncludeReplayed ? " checked" : "").Raw("> include replayed</label>");
        html.Raw("<button type=\"submit\">Filter</button></form>");
    }
}
