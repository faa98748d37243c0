using AttrFanout.Dashboard.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Dashboard;

/// <summary>What the dashboard changes: replay of one failed run or of a filtered set, and cancel. Each answers with a redirect to the page that shows the result.</summary>
internal sealed class DashboardActions(ILogger logger)
{
    public async Task ReplayOneAsync(DashboardRequest request, string runId)
    {
        FunctionRun replay;
        try
        {
            replay = await request.Site.Runs.ReplayAsync(runId, request.Aborted).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            await DashboardResponses.MessageAsync(request.Http, StatusCodes.Status409Conflict, $"Run '{runId}' is not a failed run that can be replayed: it is unknown, has not failed, or was already replayed.").ConfigureAwait(false);
            return;
        }

        DashboardLog.Replayed(logger, runId, replay.RunId);
        DashboardResponses.SeeOther(request.Http, request.RunUrl(replay.RunId));
    }

    public async Task CancelAsync(DashboardRequest request, string runId)
    {
        FunctionRun? run;
        try
        {
            run = await request.Site.Runs.CancelAsync(runId, request.Aborted).ConfigureAwait(false);
        }
        catch (NotSupportedException exception)
        {
            await DashboardResponses.MessageAsync(request.Http, StatusCodes.Status409Conflict, $"This store cannot cancel runs: {exception.Message}").ConfigureAwait(false);
            return;
        }

        if (run is null)
        {
            await DashboardResponses.MessageAsync(request.Http, StatusCodes.Status404NotFound, $"The store does not know the run '{runId}'.").ConfigureAwait(false);
            return;
        }

        DashboardLog.Cancelled(logger, runId);
        DashboardResponses.SeeOther(request.Http, request.RunUrl(runId));
    }

    public async Task ReplayFilteredAsync(DashboardRequest request)
    {
        var form = request.Http.Request.Form;
        var query = FailedRunFilter.From(name => form[name].ToString() is { Length: > 0 } value ? value : null, request.Site.Options.PageSize);
        var replays = await request.Site.Runs.ReplayAsync(query, request.Aborted).ConfigureAwait(false);
        DashboardLog.ReplayedMany(logger, replays.Count, query.FunctionId, query.EventName);
        var back = request.Url("failed?replayedCount=" + replays.Count);
        foreach (var field in FailedRunFilter.Fields(query))
        {
            if (field.Value is not null)
            {
                back += $"&{field.Key}={Uri.EscapeDataString(field.Value)}";
            }
        }

        DashboardResponses.SeeOther(request.Http, back);
    }
}
