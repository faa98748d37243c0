using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace AttrFanout.Dashboard.Security;

/// <summary>
/// Refuses a dashboard POST that another site could have made: a cross-site <c>Sec-Fetch-Site</c>, an <c>Origin</c> other
/// than the dashboard's own, or a missing or wrong antiforgery token.
/// </summary>
internal sealed class CrossSiteGuard(IAntiforgery antiforgery)
{
    public async Task<string?> RefusalAsync(HttpContext context)
    {
        var fetchSite = context.Request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return $"Refused: the request came from another site (Sec-Fetch-Site: {fetchSite}).";
        }

        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return "Refused: the request's Origin is not this dashboard's.";
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return "Refused: the form's antiforgery token is missing or no longer valid. Reload the page and try again.";
        }
    }

    public AntiforgeryTokenSet Tokens(HttpContext context) => antiforgery.GetAndStoreTokens(context);
}
