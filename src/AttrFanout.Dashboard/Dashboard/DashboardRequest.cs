using AttrFanout.Dashboard.Html;
using Microsoft.AspNetCore.Http;

namespace AttrFanout.Dashboard;

/// <summary>One dashboard request: its site, its HTTP context, and the links and form tokens its page writes.</summary>
internal sealed class DashboardRequest(DashboardSite site, HttpContext http)
{
    public DashboardSite Site => site;

    public HttpContext Http => http;

    public CancellationToken Aborted => http.RequestAborted;

    public bool CanChange => !site.Options.ReadOnly && site.Guard is not null;

    /// <summary>The address of a dashboard page, e.g. <c>Url("runs/" + id)</c>, under the app's path base.</summary>
    public string Url(string relative = "") => $"{http.Request.PathBase}{site.Pattern}/{relative}";

    public string RunUrl(string runId) => Url("runs/" + Uri.EscapeDataString(runId));

    public string? Query(string name) => http.Request.Query[name].ToString() is { Length: > 0 } value ? value : null;

    /// <summary>Writes a POST form with the antiforgery token and one button.</summary>
    public void PostButton(HtmlWriter html, string action, string label, string cssClass, IReadOnlyList<KeyValuePair<string, string?>>? fields = null)
    {
        var tokens = site.Guard!.Tokens(http);
        html.Raw("<form method=\"post\" class=\"inline\" action=\"").Text(action).Raw("\">");
        html.Raw("<input type=\"hidden\" data-token name=\"").Text(tokens.FormFieldName).Raw("\" value=\"").Text(tokens.RequestToken).Raw("\">");
        foreach (var field in fields ?? [])
        {
            html.Hidden(field.Key, field.Value);
        }

        html.Raw("<button type=\"submit\" class=\"").Text(cssClass).Raw("\">").Text(label).Raw("</button></form>");
    }
}
