using AttrFanout.Benchmarks.Infrastructure;

namespace AttrFanout.Benchmarks.Fanout;

[Event("bench/fanout")]
public sealed partial record FanoutTick(int Sequence);

/// <summary>The five no-op functions of <see cref="FanoutTick"/>; each only counts its call.</summary>
public static class FanoutFunctions
{
    public static readonly Countdown Calls = new();

    [OnEvent("bench/fanout", Id = "fanout-1")]
    public static void One(FanoutTick tick) => Calls.Signal();

    [OnEvent("bench/fanout", Id = "fanout-2")]
    public static void Two(FanoutTick tick) => Calls.Signal();

    [OnEvent("bench/fanout", Id = "fanout-3")]
    public static void Three(FanoutTick tick) => Calls.Signal();

    [OnEvent("bench/fanout", Id = "fanout-4")]
    public static void Four(FanoutTick tick) => Calls.Signal();

    [OnEvent("bench/fanout", Id = "fanout-5")]
    public static void Five(FanoutTick tick) => Calls.Signal();
}
