using AttrFanout.Benchmarks.Infrastructure;

namespace AttrFanout.Benchmarks.Latency;

[Event("bench/latency")]
public sealed partial record LatencyProbe(int Sequence);

public static class LatencyFunctions
{
    public static readonly Countdown Calls = new();

    [OnEvent("bench/latency", Id = "latency-1")]
    public static void One(LatencyProbe probe) => Calls.Signal();

    [OnEvent("bench/latency", Id = "latency-2")]
    public static void Two(LatencyProbe probe) => Calls.Signal();

    [OnEvent("bench/latency", Id = "latency-3")]
    public static void Three(LatencyProbe probe) => Calls.Signal();

    [OnEvent("bench/latency", Id = "latency-4")]
    public static void Four(LatencyProbe probe) => Calls.Signal();

    [OnEvent("bench/latency", Id = "latency-5")]
    public static void Five(LatencyProbe probe) => Calls.Signal();
}
