using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace AttrFanout.Dashboard.Events;

/// <summary>Finds the event key of a request: <c>Authorization: Bearer {key}</c>, or the path <c>{pattern}/{key}</c> as Inngest senders use.</summary>
internal static class EventKeyReader
{
    public const string RouteValue = "eventKey";

    public static string? Read(HttpContext context)
    {
        if (context.Request.RouteValues.TryGetValue(RouteValue, out var fromPath) && fromPath is string { Length: > 0 } pathKey)
        {
            return pathKey;
        }

        var authorization = context.Request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Bearer ";
        return authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && authorization.Length > scheme.Length
            ? authorization[scheme.Length..].Trim()
            : null;
    }
}
