using AttrFanout.Dashboard.Html;

namespace AttrFanout.Dashboard.Pages;

/// <summary>The function and event pickers the filter forms share.</summary>
internal static class FilterFields
{
    public static void FunctionSelect(HtmlWriter html, DashboardRequest request, string? selected)
    {
        html.Raw("<label>Function <select name=\"function\"><option value=\"\">any</option>");
        foreach (var function in request.Site.Catalog.Functions)
        {
            Option(html, function.Id, selected);
        }

        html.Raw("</select></label>");
    }

    public static void EventSelect(HtmlWriter html, DashboardRequest request, string name, string? selected)
    {
        html.Raw("<label>Event <select name=\"").Text(name).Raw("\"><option value=\"\">any</option>");
        foreach (var eventName in request.Site.Catalog.Events.Select(static e => e.Name))
        {
            Option(html, eventName, selected);
        }

        html.Raw("</select></label>");
    }

    private static void Option(HtmlWriter html, string value, string? selected) =>
        html.Raw("<option").Raw(value == selected ? " selected" : "").Raw(" value=\"").Text(value).Raw("\">").Text(value).Raw("</option>");
}
