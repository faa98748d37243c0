using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AttrFanout.Benchmarks.Infrastructure;

/// <summary>Operations per second from the mean time of one operation (one event in the throughput benchmarks), times an optional factor.</summary>
public sealed class PerSecondColumn(string name, Func<BenchmarkCase, double>? factor = null) : IColumn
{
    public string Id => nameof(PerSecondColumn) + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => factor is null ? "1 / Mean" : "1 / Mean × Functions";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics is { Mean: > 0 } stats ? (1e9 / stats.Mean * (factor?.Invoke(benchmarkCase) ?? 1)).ToString("N0", style.CultureInfo) : "-";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
