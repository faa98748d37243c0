namespace AttrFanout.Benchmarks.Generator;

/// <summary>How many events and functions the generated app has; shown as the benchmark's parameter, short enough not to be cut.</summary>
public sealed record AppSize(int Events, int Functions)
{
    public override string ToString() => $"{Functions} fns, {Events} evts";
}
