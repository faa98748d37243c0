using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AttrFanout.Conformance;

/// <summary>Counts <c>attrfanout.runs.failed</c> per function while it lives.</summary>
public sealed class FailedRunsMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _failed = new(StringComparer.Ordinal);

    public FailedRunsMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "AttrFanout" && instrument.Name == "attrfanout.runs.failed")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "attrfanout.function" && tag.Value is string function)
                {
                    _failed.AddOrUpdate(function, value, (_, total) => total + value);
                }
            }
        });
        _listener.Start();
    }

    public long Of(string functionId) => _failed.GetValueOrDefault(functionId);

    public void Dispose() => _listener.Dispose();
}
