using System.Diagnostics;
using AttrFanout.Stores;

namespace AttrFanout.Telemetry;

/// <summary>
/// Carries the trace context from a send to the run's attempts through <see cref="DistributedContextPropagator.Current"/>:
/// injected at the send, extracted at each attempt.
/// </summary>
internal static class TracePropagation
{
    /// <summary>Captures the current activity's context (trace, state, baggage), or <see langword="null"/> when there is no activity.</summary>
    public static PropagatedContext? Capture()
    {
        if (Activity.Current is not { } current)
        {
            return null;
        }

        var fields = new List<KeyValuePair<string, string>>(3);
        DistributedContextPropagator.Current.Inject(current, fields, static (carrier, name, value) =>
            ((List<KeyValuePair<string, string>>)carrier!).Add(new KeyValuePair<string, string>(name, value)));
        return PropagatedContext.FromFields(fields);
    }

    /// <summary>Reads the send's span context from <paramref name="context"/>, marked remote.</summary>
    public static bool TryExtractParent(PropagatedContext context, out ActivityContext parent)
    {
        DistributedContextPropagator.Current.ExtractTraceIdAndState(context, Get, out var traceId, out var traceState);
        parent = default;
        return traceId is not null && ActivityContext.TryParse(traceId, traceState, isRemote: true, out parent);
    }

    /// <summary>Gives <paramref name="activity"/> the baggage carried in <paramref name="context"/>, in the order it was sent.</summary>
    public static void RestoreBaggage(Activity activity, PropagatedContext context)
    {
        if (DistributedContextPropagator.Current.ExtractBaggage(context, Get) is not { } baggage)
        {
            return;
        }

        foreach (var item in baggage.Reverse())
        {
            activity.AddBaggage(item.Key, item.Value);
        }
    }

    private static void Get(object? carrier, string fieldName, out string? fieldValue, out IEnumerable<string>? fieldValues)
    {
        fieldValues = null;
        fieldValue = ((PropagatedContext)carrier!)[fieldName];
    }
}
