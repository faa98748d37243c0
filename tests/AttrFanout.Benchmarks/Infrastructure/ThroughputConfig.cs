using BenchmarkDotNet.Configs;

namespace AttrFanout.Benchmarks.Infrastructure;

/// <summary>Adds events per second beside the mean time per event.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddColumn(new PerSecondColumn("Events/s"));
}
