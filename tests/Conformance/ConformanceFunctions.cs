using System.Collections.Concurrent;

namespace AttrFanout.Conformance;

[Event("conformance/order")]
public sealed partial record ConformanceOrder(string Key, int FailFirst = 0, bool NonRetriable = false, bool Block = false, int BlockFrom = 0);

[Event("conformance/parcel")]
public sealed partial record ConformanceParcel(string Key, int Kilograms, bool Explode = false);

/// <summary>What the two events of the several-triggers function share.</summary>
public interface IConformanceGreeting
{
    string Key { get; }
}

[Event("conformance/signup")]
public sealed partial record ConformanceSignup(string Key) : IConformanceGreeting;

[Event("conformance/reactivated")]
public sealed partial record ConformanceReactivated(string Key, int DaysAway) : IConformanceGreeting;

[Event("conformance/blob")]
public sealed partial record ConformanceBlob(string Content);

/// <summary>Which conformance functions ran for which test key, with their attempt numbers, across the apps of one test.</summary>
public static class ConformanceLog
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<(string Function, int Attempt)>> ByKey = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, bool> Fixed = new(StringComparer.Ordinal);

    public static void Record(string key, string function, int attempt) =>
        ByKey.GetOrAdd(key, static _ => new ConcurrentQueue<(string, int)>()).Enqueue((function, attempt));

    public static int[] AttemptsOf(string key, string function) =>
        ByKey.TryGetValue(key, out var log) ? [.. log.Where(e => e.Function == function).Select(e => e.Attempt)] : [];

    public static Task Gate(string key) => Gates.GetOrAdd(key, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public static void Open(string key) => Gates.GetOrAdd(key, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public static void Fix(string key) => Fixed[key] = true;

    public static string[] KeysStartingWith(string prefix) => [.. ByKey.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))];

    public static bool IsFixed(string key) => Fixed.ContainsKey(key);
}

public static class ConformanceFunctions
{
    public const string Charge = "conformance-charge";
    public const string Receipt = "conformance-receipt";
    public const string Failures = "conformance-failures";

    [OnEvent("conformance/order", Id = Charge, Retries = 2)]
    public static async Task ChargeAsync(ConformanceOrder order, FunctionContext context, CancellationToken cancellationToken)
    {
        ConformanceLog.Record(order.Key, Charge, context.Attempt);
        if (order.Block || (order.BlockFrom > 0 && context.Attempt >= order.BlockFrom))
        {
            await ConformanceLog.Gate(order.Key).WaitAsync(cancellationToken);
        }

        if (context.Attempt <= order.FailFirst && !ConformanceLog.IsFixed(order.Key))
        {
            throw order.NonRetriable
                ? new NonRetriableException($"order {order.Key} is invalid")
                : new InvalidOperationException($"attempt {context.Attempt} of {order.Key} fails");
        }
    }

    [OnEvent("conformance/order", Id = Receipt)]
    public static void SendReceipt(ConformanceOrder order, FunctionContext context) => ConformanceLog.Record(order.Key, Receipt, context.Attempt);

    [OnEvent("conformance/blob", Id = "conformance-blob")]
    public static void KeepBlob(ConformanceBlob blob)
    {
    }

    public const string Ship = "conformance-ship";
    public const string Crane = "conformance-crane";

    [OnEvent("conformance/parcel", Id = Ship)]
    public static void ShipParcel(ConformanceParcel parcel, FunctionContext context) => ConformanceLog.Record(parcel.Key, Ship, context.Attempt);

    [OnEvent("conformance/parcel", Id = Crane, When = nameof(IsHeavy))]
    public static void LiftParcel(ConformanceParcel parcel, FunctionContext context) => ConformanceLog.Record(parcel.Key, Crane, context.Attempt);

    internal static bool IsHeavy(ConformanceParcel parcel) =>
        parcel.Explode ? throw new InvalidOperationException("the scale is broken") : parcel.Kilograms >= 100;

    /// <summary>One function with two triggers; the reactivation's has a filter of its own.</summary>
    public const string Greet = "conformance-greet";

    [OnEvent("conformance/signup", Id = Greet)]
    [OnEvent("conformance/reactivated", When = nameof(WasAway))]
    public static void GreetUser(IConformanceGreeting user, FunctionContext context) =>
        ConformanceLog.Record(user.Key, Greet + " " + context.EventName, context.Attempt);

    internal static bool WasAway(IConformanceGreeting user) => user is ConformanceReactivated { DaysAway: > 0 };

    /// <summary>A schedule every app of the suite turns off (<see cref="ConformanceStore.StartAsync"/>) unless a test sets one.</summary>
    public const string Tick = "conformance-tick";

    [OnSchedule("0 0 29 2 *", Id = Tick)]
    public static void RecordTick(ScheduledTick tick, FunctionContext context) =>
        ConformanceLog.Record("tick:" + tick.Tick.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture), Tick, context.Attempt);

    [OnEvent("attrfanout/function.failed", Id = Failures)]
    public static void RecordFailure(FunctionFailed failure) => ConformanceLog.Record(failure.EventId, Failures + "/" + failure.FunctionId, failure.Attempts);
}
