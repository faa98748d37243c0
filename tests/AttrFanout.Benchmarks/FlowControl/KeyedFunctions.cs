using AttrFanout.Benchmarks.Infrastructure;

namespace AttrFanout.Benchmarks.FlowControl;

[Event("bench/keyed")]
public sealed partial record KeyedTick(int Sequence, string Account);

[Event("bench/throttled")]
public sealed partial record ThrottledTick(int Sequence);

[Event("bench/once")]
public sealed partial record OnceTick(int Sequence, string Order);

/// <summary>
/// The five no-op functions of the fan-out benchmark again, each with one flow-control rule that never holds a run back:
/// what a rule costs when it only has to be checked and kept.
/// </summary>
public static class KeyedFunctions
{
    public static readonly Countdown Calls = new();

    [OnEvent("bench/keyed", Id = "keyed-1")] [Concurrency(1_000, Key = nameof(KeyedTick.Account))]
    public static void One(KeyedTick tick) => Calls.Signal();

    [OnEvent("bench/keyed", Id = "keyed-2")] [Concurrency(1_000, Key = nameof(KeyedTick.Account))]
    public static void Two(KeyedTick tick) => Calls.Signal();

    [OnEvent("bench/keyed", Id = "keyed-3")] [Concurrency(1_000, Key = nameof(KeyedTick.Account))]
    public static void Three(KeyedTick tick) => Calls.Signal();

    [OnEvent("bench/keyed", Id = "keyed-4")] [Concurrency(1_000, Key = nameof(KeyedTick.Account))]
    public static void Four(KeyedTick tick) => Calls.Signal();

    [OnEvent("bench/keyed", Id = "keyed-5")] [Concurrency(1_000, Key = nameof(KeyedTick.Account))]
    public static void Five(KeyedTick tick) => Calls.Signal();
}

public static class ThrottledFunctions
{
    public static readonly Countdown Calls = new();

    [OnEvent("bench/throttled", Id = "throttled-1")] [Throttle(1_000_000, PeriodSeconds = 1, Burst = 1_000_000)]
    public static void One(ThrottledTick tick) => Calls.Signal();

    [OnEvent("bench/throttled", Id = "throttled-2")] [Throttle(1_000_000, PeriodSeconds = 1, Burst = 1_000_000)]
    public static void Two(ThrottledTick tick) => Calls.Signal();

    [OnEvent("bench/throttled", Id = "throttled-3")] [Throttle(1_000_000, PeriodSeconds = 1, Burst = 1_000_000)]
    public static void Three(ThrottledTick tick) => Calls.Signal();

    [OnEvent("bench/throttled", Id = "throttled-4")] [Throttle(1_000_000, PeriodSeconds = 1, Burst = 1_000_000)]
    public static void Four(ThrottledTick tick) => Calls.Signal();

    [OnEvent("bench/throttled", Id = "throttled-5")] [Throttle(1_000_000, PeriodSeconds = 1, Burst = 1_000_000)]
    public static void Five(ThrottledTick tick) => Calls.Signal();
}

public static class OnceFunctions
{
    public static readonly Countdown Calls = new();

    [OnEvent("bench/once", Id = "once-1")] [Idempotency(Key = nameof(OnceTick.Order))]
    public static void One(OnceTick tick) => Calls.Signal();

    [OnEvent("bench/once", Id = "once-2")] [Idempotency(Key = nameof(OnceTick.Order))]
    public static void Two(OnceTick tick) => Calls.Signal();

    [OnEvent("bench/once", Id = "once-3")] [Idempotency(Key = nameof(OnceTick.Order))]
    public static void Three(OnceTick tick) => Calls.Signal();

    [OnEvent("bench/once", Id = "once-4")] [Idempotency(Key = nameof(OnceTick.Order))]
    public static void Four(OnceTick tick) => Calls.Signal();

    [OnEvent("bench/once", Id = "once-5")] [Idempotency(Key = nameof(OnceTick.Order))]
    public static void Five(OnceTick tick) => Calls.Signal();
}
