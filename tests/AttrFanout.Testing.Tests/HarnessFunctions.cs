using AttrFanout;

namespace AttrFanout.Testing.Tests;

[Event("harness/order.placed")]
public sealed partial record OrderPlaced(string OrderId);

/// <summary>Counts attempts per function and fails the first <see cref="FlakyFailures"/> attempts of the flaky one.</summary>
public sealed class AttemptLog
{
    private int _stable;
    private int _flaky;
    private int _broken;

    public int FlakyFailures { get; init; } = 2;

    public TaskCompletionSource Hang { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Stable => _stable;

    public int Flaky => _flaky;

    public int Broken => _broken;

    public void StableRan() => Interlocked.Increment(ref _stable);

    public void FlakyRan()
    {
        if (Interlocked.Increment(ref _flaky) <= FlakyFailures)
        {
            throw new InvalidOperationException($"flaky attempt {_flaky}");
        }
    }

    public void BrokenRan() => throw new InvalidOperationException($"broken attempt {Interlocked.Increment(ref _broken)}");
}

public sealed class HarnessFunctions(AttemptLog log)
{
    [OnEvent("harness/order.placed", Id = "stable")]
    public void Stable(OrderPlaced order) => log.StableRan();

    [OnEvent("harness/order.placed", Id = "flaky")]
    public void Flaky(OrderPlaced order) => log.FlakyRan();
}

[Event("harness/order.cancelled")]
public sealed partial record OrderCancelled(string OrderId);

public sealed class BrokenFunctions(AttemptLog log)
{
    [OnEvent("harness/order.cancelled", Id = "broken", Retries = 2)]
    public void Broken(OrderCancelled order) => log.BrokenRan();
}

[Event("harness/order.stuck")]
public sealed partial record OrderStuck(string OrderId);

public sealed class HangingFunctions(AttemptLog log)
{
    [OnEvent("harness/order.stuck", Id = "hanging")]
    public Task Hang(OrderStuck order) => log.Hang.Task;
}
