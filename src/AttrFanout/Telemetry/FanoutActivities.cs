using System.Diagnostics;
using AttrFanout.Stores;

namespace AttrFanout.Telemetry;

/// <summary>Starts AttrFanout's spans; nothing is allocated when no listener samples them.</summary>
internal static class FanoutActivities
{
    public static Activity? StartSend(string eventName)
    {
        if (!FanoutDiagnostics.ActivitySource.HasListeners())
        {
            return null;
        }

        var activity = FanoutDiagnostics.ActivitySource.StartActivity("attrfanout.send " + eventName, ActivityKind.Producer);
        activity?.SetTag(FanoutTags.Event, eventName);
        return activity;
    }

    public static Activity? StartAttempt(RunDelivery delivery, int attempt)
    {
        if (!FanoutDiagnostics.ActivitySource.HasListeners())
        {
            return null;
        }

        ActivityLink[]? links = null;
        if (delivery.TraceParent is { } traceParent && ActivityContext.TryParse(traceParent, null, out var sendContext))
        {
            links = [new ActivityLink(sendContext)];
        }

        var activity = FanoutDiagnostics.ActivitySource.StartActivity(
            ActivityKind.Consumer, parentContext: default, tags: null, links: links, name: "attrfanout.run " + delivery.FunctionId);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(FanoutTags.Event, delivery.Event.Name);
            activity.SetTag(FanoutTags.EventId, delivery.Event.Id);
            activity.SetTag(FanoutTags.Function, delivery.FunctionId);
            activity.SetTag(FanoutTags.RunId, delivery.RunId);
            activity.SetTag(FanoutTags.Attempt, attempt);
        }

        return activity;
    }

    public static void Finish(Activity? activity, string outcome, Exception? error = null)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(FanoutTags.Outcome, outcome);
        if (error is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.Message);
            activity.AddException(error);
        }

        activity.Dispose();
    }
}
