using AttrFanout.Dashboard.Html;

namespace AttrFanout.Dashboard.Pages;

/// <summary>Runs, most recent first, filtered by status, function, event name and event Id, a page at a time.</summary>
internal static class RunsPage
{
    public static async Task<PageResult> RenderAsync(DashboardRequest request)
    {
        var query = Query(request);
        var page = await request.Site.Runs.ListAsync(query, request.Aborted).ConfigureAwait(false);

        var html = new HtmlWriter();
        html.Raw("<h1>Runs</h1>");
        WriteFilters(html, request, query);
        Gaps.Write(html, page.Incomplete);
        RunTable.Write(html, request, page.Runs);
        Paging.WriteNext(html, request, "runs", page.NextCursor, "Older runs →");
        return new PageResult("Runs", html.ToString());
    }

    /// <summary>The query of the page's address: <c>status</c> (repeatable), <c>function</c>, <c>event</c>, <c>eventId</c>, <c>cursor</c>.</summary>
    public static RunQuery Query(DashboardRequest request)
    {
        var statuses = request.Http.Request.Query["status"]
            .Select(static s => Enum.TryParse<RunStatus>(s, ignoreCase: true, out var status) ? status : (RunStatus?)null)
            .OfType<RunStatus>()
            .ToHashSet();
        return new RunQuery
        {
            Statuses = statuses,
            FunctionId = request.Query("function"),
            EventName = request.Query("event"),
            EventId = request.Query("eventId"),
            Limit = Math.Min(request.Site.Options.PageSize, RunQuery.MaxLimit),
            Cursor = request.Query("cursor"),
        };
    }

    private static void WriteFilters(HtmlWriter html, DashboardRequest request, RunQuery query)
    {
        html.Raw("<form method=\"get\" class=\"filters\" action=\"").Text(request.Url("runs")).Raw("\"><fieldset class=\"statuses\"><legend>Status</legend>");
        foreach (var status in Enum.GetValues<RunStatus>())
        {
            html.Raw("<label><input type=\"checkbox\" name=\"status\" value=\"").Text(status.ToString().ToLowerInvariant()).Raw("\"")
                .Raw(query.Statuses!.Contains(status) ? " checked" : "").Raw("> ").Text(Format.Status(status)).Raw("</label>");
        }

        html.Raw("</fieldset>");
        FilterFields.FunctionSelect(html, request, query.FunctionId);
        FilterFields.EventSelect(html, request, "event", query.EventName);
        html.Raw("<label>Event Id <input type=\"text\" name=\"eventId\" value=\"").Text(query.EventId).Raw("\"></label>");
        html.Raw("<button type=\"submit\">Filter</button></form>");
    }
}
