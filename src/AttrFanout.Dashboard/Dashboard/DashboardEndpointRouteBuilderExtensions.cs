using AttrFanout.Dashboard.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AttrFanout.Dashboard;

/// <summary>Maps the AttrFanout dashboard.</summary>
public static class DashboardEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the dashboard under <paramref name="pattern"/>: functions, events, runs and failed runs, a page per run, with
    /// replay and cancel. Secure by default: with no <see cref="DashboardOptions.AuthorizationPolicy"/>, only requests from
    /// this machine are served; changes are POSTs checked for cross-site origin and an antiforgery token (call
    /// <c>builder.Services.AddAntiforgery()</c>, or set <see cref="DashboardOptions.ReadOnly"/>).
    /// </summary>
    /// <param name="endpoints">The app's endpoints, after <c>AddAttrFanout()</c>.</param>
    /// <param name="pattern">The route prefix, e.g. <c>/attrfanout</c>.</param>
    /// <param name="configure">Sets the policy, read-only mode and display options.</param>
    /// <returns>The dashboard's route group, to add conventions.</returns>
    /// <exception cref="InvalidOperationException"><c>AddAttrFanout()</c> was not called, or antiforgery is not registered for a dashboard that can change runs.</exception>
    public static RouteGroupBuilder MapAttrFanoutDashboard(this IEndpointRouteBuilder endpoints, string pattern = "/attrfanout", Action<DashboardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        var options = new DashboardOptions();
        configure?.Invoke(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1, nameof(DashboardOptions.PageSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RefreshInterval, TimeSpan.Zero, nameof(DashboardOptions.RefreshInterval));

        var services = endpoints.ServiceProvider;
        var catalog = services.GetService<FunctionCatalog>()
            ?? throw new InvalidOperationException("MapAttrFanoutDashboard needs the AttrFanout runtime: call builder.Services.AddAttrFanout() first.");
        CrossSiteGuard? guard = null;
        if (!options.ReadOnly)
        {
            guard = new CrossSiteGuard(services.GetService<IAntiforgery>()
                ?? throw new InvalidOperationException("The dashboard's replay and cancel forms need antiforgery: call builder.Services.AddAntiforgery(), or map the dashboard with o.ReadOnly = true."));
        }

        var site = new DashboardSite(
            options,
            "/" + pattern.Trim('/'),
            catalog,
            services.GetRequiredService<IFunctionRuns>(),
            services.GetRequiredService<IOptions<AttrFanoutOptions>>().Value,
            guard);
        var group = endpoints.MapGroup(site.Pattern);
        new DashboardRoutes(site, services.GetRequiredService<ILoggerFactory>().CreateLogger("AttrFanout.Dashboard")).Map(group);
        if (options.AuthorizationPolicy is { } policy)
        {
            group.RequireAuthorization(policy);
        }

        return group;
    }
}
