using AttrFanout.Dashboard.Html;
using Microsoft.AspNetCore.Http;

namespace AttrFanout.Dashboard;

/// <summary>The dashboard's data as JSON, for scripts and tools: the functions, their run counts, runs (as the runs page filters them), and one run.</summary>
internal static class DashboardApi
{
    public static Task FunctionsAsync(DashboardRequest request)
    {
        var site = request.Site;
        IReadOnlyList<FunctionSummary> functions = site.Catalog.Functions
            .Select(f => new FunctionSummary(f.Id, f.EventName, f.Handler, Format.Retries(f, site.Runtime), Format.Timeout(f, site.Runtime), Format.Concurrency(f, site.Runtime), FlowControlText.Describe(f.FlowControl)))
            .ToList();
        return Results.Json(functions, DashboardJsonContext.Default.IReadOnlyListFunctionSummary).ExecuteAsync(request.Http);
    }

    public static async Task RunsAsync(DashboardRequest request)
    {
        var page = await request.Site.Runs.ListAsync(Pages.RunsPage.Query(request), request.Aborted).ConfigureAwait(false);
        await Results.Json(page, DashboardJsonContext.Default.RunPage).ExecuteAsync(request.Http).ConfigureAwait(false);
    }

    public static async Task CountsAsync(DashboardRequest request)
    {
        var counts = await request.Site.Runs.CountAsync(request.Aborted).ConfigureAwait(false);
        await Results.Json(counts, DashboardJsonContext.Default.RunCounts).ExecuteAsync(request.Http).ConfigureAwait(false);
    }

    public static async Task RunAsync(DashboardRequest request, string runId)
    {
        var run = await request.Site.Runs.GetAsync(runId, request.Aborted).ConfigureAwait(false);
        var result = run is null
            ? Results.NotFound()
            : Results.Json(run, DashboardJsonContext.Default.FunctionRun);
        await result.ExecuteAsync(request.Http).ConfigureAwait(false);
    }
}
