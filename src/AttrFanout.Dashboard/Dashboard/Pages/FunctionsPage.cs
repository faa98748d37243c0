using AttrFanout.Dashboard.Html;

namespace AttrFanout.Dashboard.Pages;

/// <summary>Every function: its trigger, handler, retries, timeout, concurrency and flow control, with its runs by status.</summary>
internal static class FunctionsPage
{
    public static async Task<PageResult> RenderAsync(DashboardRequest request)
    {
        var site = request.Site;
        var counts = await StatusCounts.ReadAsync(site.Runs, request.Aborted).ConfigureAwait(false);
        var html = new HtmlWriter();
        html.Raw("<h1>Functions</h1>");
        html.Raw("<table class=\"functions\"><thead><tr><th>Function</th><th>Event</th><th>Handler</th><th>Retries</th><th>Timeout</th><th>Concurrency</th><th>Flow control</th>");
        foreach (var column in StatusCounts.Columns)
        {
            html.Element("th", column.Label, "count");
        }

        html.Raw("</tr></thead><tbody>");
        foreach (var function in site.Catalog.Functions)
        {
            html.Raw("<tr data-function=\"").Text(function.Id).Raw("\"><td>").Link(request.Url("runs?function=" + Uri.EscapeDataString(function.Id)), function.Id, "mono").Raw("</td>");
            html.Raw("<td>");
            var triggers = site.Catalog.GetTriggers(function.Id);
            for (var i = 0; i < triggers.Count; i++)
            {
                html.Raw(i == 0 ? "" : "<br>").Link(request.Url("events?name=" + Uri.EscapeDataString(triggers[i].EventName)), triggers[i].EventName, "mono");
            }

            html.Raw("</td>");
            html.Element("td", function.Handler, "mono small");
            html.Element("td", Format.Retries(function, site.Runtime));
            html.Element("td", Format.Timeout(function, site.Runtime));
            html.Element("td", Format.Concurrency(function, site.Runtime));
            html.Raw("<td class=\"small\">");
            foreach (var rule in FlowControlText.Describe(function.FlowControl))
            {
                html.Element("div", rule);
            }

            html.Raw("</td>");
            foreach (var column in StatusCounts.Columns)
            {
                html.Raw("<td class=\"count\">");
                if (counts.Of(function.Id, column) is { } count)
                {
                    html.Link(request.Url($"{column.Page}function={Uri.EscapeDataString(function.Id)}"), count.ToString(System.Globalization.CultureInfo.InvariantCulture), count > 0 ? column.CssClass : "muted");
                }
                else
                {
                    html.Raw("<span class=\"muted\" title=\"the store does not count these\">?</span>");
                }

                html.Raw("</td>");
            }

            html.Raw("</tr>");
        }

        html.Raw("</tbody></table>");
        Gaps.Write(html, counts.Incomplete);

        return new PageResult("Functions", html.ToString());
    }
}
