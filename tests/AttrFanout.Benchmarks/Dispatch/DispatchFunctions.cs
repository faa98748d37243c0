namespace AttrFanout.Benchmarks.Dispatch;

[Event("bench/dispatch")]
public sealed partial record DispatchPing(int Value);

/// <summary>The five no-op handlers every contender calls; each only bumps a counter so the call is not elided.</summary>
public static class DispatchFunctions
{
    public static int Calls;

    [OnEvent("bench/dispatch", Id = "dispatch-1")]
    public static void One(DispatchPing ping) => Calls++;

    [OnEvent("bench/dispatch", Id = "dispatch-2")]
    public static void Two(DispatchPing ping) => Calls++;

    [OnEvent("bench/dispatch", Id = "dispatch-3")]
    public static void Three(DispatchPing ping) => Calls++;

    [OnEvent("bench/dispatch", Id = "dispatch-4")]
    public static void Four(DispatchPing ping) => Calls++;

    [OnEvent("bench/dispatch", Id = "dispatch-5")]
    public static void Five(DispatchPing ping) => Calls++;
}
