using System.Collections.Concurrent;
using System.Diagnostics;

namespace AttrFanout.Conformance;

/// <summary>Samples every span of AttrFanout's activity source while it lives and keeps those that stopped.</summary>
public sealed class RecordedActivities : IDisposable
{
    private readonly ActivityListener _listener;

    public RecordedActivities()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "AttrFanout",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ConcurrentQueue<Activity> Stopped { get; } = new();

    public void Dispose() => _listener.Dispose();
}
