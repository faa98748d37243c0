using AttrFanout.Dashboard.Html;

namespace AttrFanout.Dashboard.Pages;

/// <summary>The link to the next page of a listing: the same query with the store's cursor.</summary>
internal static class Paging
{
    public static void WriteNext(HtmlWriter html, DashboardRequest request, string page, string? nextCursor, string label)
    {
        if (nextCursor is null)
        {
            return;
        }

        var query = request.Http.Request.Query
            .Where(static pair => pair.Key != "cursor")
            .SelectMany(static pair => pair.Value.Select(value => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(value ?? "")}"))
            .Append("cursor=" + Uri.EscapeDataString(nextCursor));
        html.Raw("<p class=\"paging\">").Link(request.Url(page + "?" + string.Join("&", query)), label, "next").Raw("</p>");
    }
}
