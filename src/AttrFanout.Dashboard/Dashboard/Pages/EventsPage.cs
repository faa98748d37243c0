using AttrFanout.Dashboard.Html;

namespace AttrFanout.Dashboard.Pages;

/// <summary>Events, most recent first, searched by name and Id, each with the runs the store still knows of it.</summary>
internal static class EventsPage
{
    public static async Task<PageResult> RenderAsync(DashboardRequest request)
    {
        var query = new EventQuery
        {
            Name = request.Query("name"),
            EventId = request.Query("id"),
            Limit = Math.Min(request.Site.Options.PageSize, RunQuery.MaxLimit),
            Cursor = request.Query("cursor"),
        };
        var page = await request.Site.Runs.ListEventsAsync(query, request.Aborted).ConfigureAwait(false);

        var html = new HtmlWriter();
        html.Raw("<h1>Events</h1><form method=\"get\" class=\"filters\" action=\"").Text(request.Url("events")).Raw("\">");
        FilterFields.EventSelect(html, request, "name", query.Name);
        html.Raw("<label>Event Id <input type=\"text\" name=\"id\" value=\"").Text(query.EventId).Raw("\"></label><button type=\"submit\">Search</button></form>");
        Gaps.Write(html, page.Incomplete);
        if (page.Events.Count == 0)
        {
            html.Raw("<p class=\"empty\">No events.</p>");
        }
        else
        {
            html.Raw("<table class=\"events\"><thead><tr><th>Time</th><th>Event</th><th>Id</th><th>Runs</th></tr></thead><tbody>");
            foreach (var record in page.Events)
            {
                WriteEvent(html, request, record);
            }

            html.Raw("</tbody></table>");
        }

        Paging.WriteNext(html, request, "events", page.NextCursor, "Older events →");
        return new PageResult("Events", html.ToString());
    }

    private static void WriteEvent(HtmlWriter html, DashboardRequest request, EventRecord record)
    {
        html.Raw("<tr data-event=\"").Text(record.Id).Raw("\"><td>").Time(record.Timestamp).Raw("</td>");
        html.Element("td", record.Name, "mono");
        html.Raw("<td>").Link(request.Url("runs?eventId=" + Uri.EscapeDataString(record.Id)), record.Id, "mono small").Raw("</td><td>");
        if (record.Runs.Count == 0)
        {
            html.Raw("<span class=\"muted\">no run</span>");
        }

        foreach (var run in record.Runs)
        {
            html.Raw("<div class=\"event-run\">").Link(request.RunUrl(run.RunId), run.FunctionId, "mono").Raw(" ")
                .Element("span", Format.Status(run.Status), Format.StatusClass(run.Status)).Raw("</div>");
        }

        html.Raw("</td></tr>");
    }
}
