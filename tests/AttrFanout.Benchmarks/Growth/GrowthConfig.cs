using AttrFanout.Benchmarks.Infrastructure;
using BenchmarkDotNet.Configs;

namespace AttrFanout.Benchmarks.Growth;

/// <summary>Events per second and function runs per second (events × the <c>Functions</c> parameter).</summary>
public sealed class GrowthConfig : ManualConfig
{
    public GrowthConfig() => AddColumn(
        new PerSecondColumn("Events/s"),
        new PerSecondColumn("Runs/s", static c => Convert.ToDouble(c.Parameters["Functions"], System.Globalization.CultureInfo.InvariantCulture)));
}
