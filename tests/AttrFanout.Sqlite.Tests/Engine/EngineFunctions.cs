using System.Collections.Concurrent;

namespace AttrFanout.Sqlite.Tests.Engine;

[Event("sqle/fanout")]
public sealed partial record FanOutHappened(string Key);

[Event("sqle/retry")]
public sealed partial record RetryWanted(string Key);

[Event("sqle/block")]
public sealed partial record BlockWanted(string Key);

[Event("sqle/replay")]
public sealed partial record ReplayWanted(string Key);

[Event("sqle/big")]
public sealed partial record BigPayload(string Text);

[Event("sqle/serial")]
public sealed partial record SerialWanted(string Key);

[Event("sqle/webhook")]
public sealed partial record WebhookWanted(string Key, bool EndpointDown);

/// <summary>Which functions executed for which test key, across the apps of one test.</summary>
public static class Executions
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> ByKey = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, bool> Fixed = new(StringComparer.Ordinal);

    public static int Record(string key, string function)
    {
        var executions = ByKey.GetOrAdd(key, static _ => new ConcurrentQueue<string>());
        executions.Enqueue(function);
        return executions.Count(f => f == function);
    }

    public static int Count(string key, string function) => ByKey.TryGetValue(key, out var e) ? e.Count(f => f == function) : 0;

    public static IReadOnlyList<string> Of(string key) => ByKey.TryGetValue(key, out var e) ? [.. e] : [];

    public static void Fix(string key) => Fixed[key] = true;

    public static bool IsFixed(string key) => Fixed.ContainsKey(key);
}

/// <summary>Gates that functions wait on until a test opens them, by test key.</summary>
public static class Gates
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> ByKey = new(StringComparer.Ordinal);

    public static Task For(string key) => Gate(key).Task;

    public static void Open(string key) => Gate(key).TrySetResult();

    private static TaskCompletionSource Gate(string key) => ByKey.GetOrAdd(key, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

public static class EngineFunctions
{
    [OnEvent("sqle/fanout", Id = "fanout-a")]
    public static void A(FanOutHappened e) => Executions.Record(e.Key, "fanout-a");

    [OnEvent("sqle/fanout", Id = "fanout-b")]
    public static void B(FanOutHappened e) => Executions.Record(e.Key, "fanout-b");

    [OnEvent("sqle/fanout", Id = "fanout-c")]
    public static void C(FanOutHappened e) => Executions.Record(e.Key, "fanout-c");

    [OnEvent("sqle/retry", Id = "retry-once")]
    public static void RetryOnce(RetryWanted e)
    {
        if (Executions.Record(e.Key, "retry-once") == 1)
        {
            throw new InvalidOperationException("The first attempt fails.");
        }
    }

    [OnEvent("sqle/block", Id = "block-first")]
    public static async Task BlockFirst(BlockWanted e, CancellationToken cancellationToken)
    {
        if (Executions.Record(e.Key, "block-first") == 1)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
    }

    [OnEvent("sqle/replay", Id = "fail-until-fixed", Retries = 1)]
    public static void FailUntilFixed(ReplayWanted e)
    {
        Executions.Record(e.Key, "fail-until-fixed");
        if (!Executions.IsFixed(e.Key))
        {
            throw new InvalidOperationException("Not fixed yet.");
        }
    }

    [OnEvent("sqle/serial", Id = "one-at-a-time", Concurrency = 1)]
    public static async Task OneAtATime(SerialWanted e, CancellationToken cancellationToken)
    {
        Executions.Record(e.Key, "one-at-a-time");
        await Gates.For(e.Key).WaitAsync(cancellationToken);
    }

    [OnEvent("sqle/big", Id = "big-sink")]
    public static void BigSink(BigPayload e)
    {
    }

    [OnEvent("sqle/webhook", Id = "webhook", Concurrency = 2)]
    public static void Webhook(WebhookWanted e)
    {
        Executions.Record(e.Key, e.EndpointDown ? "webhook-down" : "webhook-healthy");
        if (e.EndpointDown)
        {
            throw new RetryAfterException(TimeSpan.FromMinutes(10));
        }
    }

    [OnEvent("attrfanout/function.failed", Id = "failure-inbox")]
    public static void FailureInbox(FunctionFailed failure) => Executions.Record(failure.RunId, "failure-inbox");
}
