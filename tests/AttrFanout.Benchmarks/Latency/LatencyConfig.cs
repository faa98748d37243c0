using AttrFanout.Benchmarks.Infrastructure;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;

namespace AttrFanout.Benchmarks.Latency;

/// <summary>
/// One event per iteration, every iteration kept (outliers are the tail being measured), percentiles shown. Two thousand
/// warmup iterations, so the runtime's tiered JIT has finished with both contenders before anything is measured (with
/// twenty, the tail measured tier-0 code and the background compiler kept the CPUs awake between events).
/// </summary>
public sealed class LatencyConfig : ManualConfig
{
    public LatencyConfig()
    {
        AddJob(Job.Default
            .WithId("Latency")
            .WithLaunchCount(1)
            .WithWarmupCount(2000)
            .WithIterationCount(300)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove));
        AddColumn(StatisticColumn.P50, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
    }
}
