using System.Diagnostics;
using AttrFanout.Stores;

namespace AttrFanout.Telemetry;

/// <summary>Starts AttrFanout's spans; nothing is allocated when no listener samples them.</summary>
internal static class FanoutActivities
{
    /// <summary>Starts a send's span, a child of <paramref name="parent"/> when given, else of the current activity.</summary>
    public static Activity? StartSend(string eventName, string eventId, ActivityContext parent = default)
    {
        if (!FanoutDiagnostics.ActivitySource.HasListeners())
        {
            return null;
        }

        var activity = FanoutDiagnostics.ActivitySource.StartActivity("attrfanout.send " + eventName, ActivityKind.Producer, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(FanoutTags.Event, eventName);
            activity.SetTag(FanoutTags.EventId, eventId);
            activity.SetTag(MessagingTags.System, MessagingTags.SystemName);
            activity.SetTag(MessagingTags.OperationType, MessagingTags.Send);
            activity.SetTag(MessagingTags.OperationName, MessagingTags.Send);
            activity.SetTag(MessagingTags.DestinationName, eventName);
            activity.SetTag(MessagingTags.MessageId, eventId);
        }

        return activity;
    }

    /// <summary>Gets the span context of the send a run came from, when someone listens and it was traced; else default.</summary>
    public static ActivityContext SendOf(RunDelivery delivery) =>
        FanoutDiagnostics.ActivitySource.HasListeners() && delivery.Trace is { } trace && TracePropagation.TryExtractParent(trace, out var send)
            ? send
            : default;

    public static Activity? StartAttempt(RunDelivery delivery, int attempt)
    {
        if (!FanoutDiagnostics.ActivitySource.HasListeners())
        {
            return null;
        }

        ActivityLink[]? links = null;
        var send = default(ActivityContext);
        if (delivery.Trace is { } trace && TracePropagation.TryExtractParent(trace, out send))
        {
            links = [new ActivityLink(send)];
        }

        var activity = FanoutDiagnostics.ActivitySource.CreateActivity(
            "attrfanout.run " + delivery.FunctionId, ActivityKind.Consumer, parentContext: send, tags: null, links: links);
        if (activity is null)
        {
            return null;
        }

        if (delivery.Trace is { } carried)
        {
            TracePropagation.RestoreBaggage(activity, carried);
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag(MessagingTags.System, MessagingTags.SystemName);
            activity.SetTag(MessagingTags.OperationType, MessagingTags.Process);
            activity.SetTag(MessagingTags.OperationName, MessagingTags.Process);
            activity.SetTag(MessagingTags.DestinationName, delivery.Event.Name);
            activity.SetTag(MessagingTags.MessageId, delivery.Event.Id);
            activity.SetTag(MessagingTags.ConsumerGroupName, delivery.FunctionId);
            activity.SetTag(FanoutTags.Event, delivery.Event.Name);
            activity.SetTag(FanoutTags.EventId, delivery.Event.Id);
            activity.SetTag(FanoutTags.Function, delivery.FunctionId);
            activity.SetTag(FanoutTags.RunId, delivery.RunId);
            activity.SetTag(FanoutTags.Attempt, attempt);
        }

        // Started once its baggage and tags are set, so listeners and processors see them when it starts.
        return activity.Start();
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
