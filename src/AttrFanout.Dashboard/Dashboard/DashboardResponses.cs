using AttrFanout.Dashboard.Html;
using AttrFanout.Dashboard.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace AttrFanout.Dashboard;

/// <summary>Writes pages and messages with the headers that keep them from being framed, sniffed, cached or scripted from elsewhere.</summary>
internal static class DashboardResponses
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static Task PageAsync(DashboardRequest request, PageResult page)
    {
        var context = request.Http;
        Secure(context);
        context.Response.StatusCode = page.Status;
        context.Response.ContentType = "text/html; charset=utf-8";
        if (context.Request.Headers.ContainsKey(Layout.LiveHeader))
        {
            context.Response.Headers["X-AttrFanout-Version"] = ContentVersion.Of(page.Main);
            return context.Response.WriteAsync(page.Main, context.RequestAborted);
        }

        return context.Response.WriteAsync(Layout.Page(request, page.Title, page.Main), context.RequestAborted);
    }

    public static Task MessageAsync(HttpContext context, int status, string message)
    {
        Secure(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message, context.RequestAborted);
    }

    public static void SeeOther(HttpContext context, string location)
    {
        Secure(context);
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = location;
    }

    public static Task AssetAsync(HttpContext context, string contentType, string content)
    {
        context.Response.ContentType = contentType;
        context.Response.Headers[HeaderNames.CacheControl] = "max-age=300";
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return context.Response.WriteAsync(content, context.RequestAborted);
    }

    private static void Secure(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.XFrameOptions] = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers[HeaderNames.CacheControl] = "no-store";
    }
}
