using AttrFanout.Dashboard.Pages;
using AttrFanout.Dashboard.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Dashboard;

/// <summary>The dashboard's routes; each checks who asks before it reads or changes anything.</summary>
internal sealed class DashboardRoutes(DashboardSite site, ILogger logger)
{
    private readonly DashboardActions _actions = new(logger);

    public void Map(RouteGroupBuilder group)
    {
        group.MapGet("", Page(FunctionsPage.RenderAsync));
        group.MapGet("failed", Page(FailedRunsPage.RenderAsync));
        group.MapGet("runs", Page(RunsPage.RenderAsync));
        group.MapGet("events", Page(EventsPage.RenderAsync));
        group.MapGet("runs/{runId}", Page(static r => RunDetailPage.RenderAsync(r, RouteValue(r.Http, "runId"))));
        group.MapGet("api/functions", Guarded(static r => DashboardApi.FunctionsAsync(r)));
        group.MapGet("api/counts", Guarded(static r => DashboardApi.CountsAsync(r)));
        group.MapGet("api/runs", Guarded(static r => DashboardApi.RunsAsync(r)));
        group.MapGet("api/runs/{runId}", Guarded(static r => DashboardApi.RunAsync(r, RouteValue(r.Http, "runId"))));
        group.MapGet("assets/dashboard.css", static context => DashboardResponses.AssetAsync(context, "text/css; charset=utf-8", DashboardAssets.Css));
        group.MapGet("assets/dashboard.js", static context => DashboardResponses.AssetAsync(context, "text/javascript; charset=utf-8", DashboardAssets.Js));
        group.MapPost("runs/{runId}/replay", Change(r => _actions.ReplayOneAsync(r, RouteValue(r.Http, "runId"))));
        group.MapPost("runs/{runId}/cancel", Change(r => _actions.CancelAsync(r, RouteValue(r.Http, "runId"))));
        group.MapPost("failed/replay", Change(_actions.ReplayFilteredAsync));
    }

    private RequestDelegate Page(Func<DashboardRequest, Task<PageResult>> render) =>
        Guarded(async request => await DashboardResponses.PageAsync(request, await render(request).ConfigureAwait(false)).ConfigureAwait(false));

    private RequestDelegate Guarded(Func<DashboardRequest, Task> handle) => async context =>
    {
        if (site.Options.AuthorizationPolicy is null && !DashboardAccess.IsLocal(context))
        {
            DashboardLog.NotLocal(logger, context.Connection.RemoteIpAddress?.ToString());
            await DashboardResponses.MessageAsync(context, StatusCodes.Status403Forbidden,
                "The AttrFanout dashboard serves only requests from this machine. To open it from elsewhere, map it with an authorization policy: MapAttrFanoutDashboard(\"/attrfanout\", o => o.AuthorizationPolicy = \"...\").").ConfigureAwait(false);
            return;
        }

        await handle(new DashboardRequest(site, context)).ConfigureAwait(false);
    };

    private RequestDelegate Change(Func<DashboardRequest, Task> change) => Guarded(async request =>
    {
        if (!request.CanChange)
        {
            await DashboardResponses.MessageAsync(request.Http, StatusCodes.Status403Forbidden, "The dashboard is read-only: replay and cancel are turned off.").ConfigureAwait(false);
            return;
        }

        if (await site.Guard!.RefusalAsync(request.Http).ConfigureAwait(false) is { } refusal)
        {
            DashboardLog.CrossSite(logger, request.Http.Connection.RemoteIpAddress?.ToString(), refusal);
            await DashboardResponses.MessageAsync(request.Http, StatusCodes.Status400BadRequest, refusal).ConfigureAwait(false);
            return;
        }

        await change(request).ConfigureAwait(false);
    });

    private static string RouteValue(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? "";
}
