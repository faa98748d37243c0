using System.Diagnostics.Metrics;
using AttrFanout.Stores;

namespace AttrFanout.Telemetry;

/// <summary>
/// The running engines' stores and functions, observed by the gauge <c>attrfanout.runs.waiting</c>: each store counts
/// what it holds in this process (<see cref="IFanoutStore.CountWaitingRuns"/>); a store that cannot count cheaply reports nothing.
/// </summary>
internal static class WaitingRuns
{
    private static readonly Lock Gate = new();
    private static readonly List<(IFanoutStore Store, string[] FunctionIds)> Observed = [];

    public static void Watch(IFanoutStore store, string[] functionIds)
    {
        GC.KeepAlive(FanoutMetrics.RunsWaiting);
        lock (Gate)
        {
            Observed.Add((store, functionIds));
        }
    }

    public static void Forget(IFanoutStore store)
    {
        lock (Gate)
        {
            Observed.RemoveAll(o => ReferenceEquals(o.Store, store));
        }
    }

    public static IEnumerable<Measurement<int>> Observe()
    {
        (IFanoutStore Store, string[] FunctionIds)[] observed;
        lock (Gate)
        {
            observed = [.. Observed];
        }

        var measurements = new List<Measurement<int>>();
        foreach (var (store, functionIds) in observed)
        {
            foreach (var functionId in functionIds)
            {
                if (store.CountWaitingRuns(functionId) is { } waiting)
                {
                    measurements.Add(new Measurement<int>(waiting, new KeyValuePair<string, object?>(FanoutTags.Function, functionId)));
                }
            }
        }

        return measurements;
    }
}
