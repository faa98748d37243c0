using System.Globalization;

namespace AttrFanout.Dashboard.Html;

/// <summary>The frame around every page: header, navigation, the live region, the embedded stylesheet and script.</summary>
internal static class Layout
{
    public const string LiveHeader = "X-AttrFanout-Live";

    public static string Page(DashboardRequest request, string title, string main)
    {
        var options = request.Site.Options;
        var html = new HtmlWriter();
        html.Raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Raw("<title>").Text(title).Raw(" · ").Text(options.Title).Raw("</title>");
        html.Raw("<link rel=\"stylesheet\" href=\"").Text(request.Url("assets/dashboard.css")).Raw("\"></head>");
        html.Raw("<body data-refresh-ms=\"").Raw(((int)options.RefreshInterval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)).Raw("\">");
        html.Raw("<header><a class=\"brand\" href=\"").Text(request.Url()).Raw("\">").Text(options.Title).Raw("</a><nav>");
        html.Link(request.Url(), "Functions").Link(request.Url("events"), "Events").Link(request.Url("runs"), "Runs").Link(request.Url("failed"), "Failed runs");
        html.Raw("</nav>");
        if (options.ReadOnly)
        {
            html.Raw("<span class=\"badge\">read-only</span>");
        }

        html.Raw("</header><main id=\"live\" data-version=\"").Raw(ContentVersion.Of(main)).Raw("\">").Raw(main).Raw("</main>");
        html.Raw("<script src=\"").Text(request.Url("assets/dashboard.js")).Raw("\" defer></script></body></html>");
        return html.ToString();
    }
}
