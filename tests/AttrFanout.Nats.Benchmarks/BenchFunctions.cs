namespace AttrFanout.Nats.Benchmarks;

[Event("bench/tick")]
public sealed partial record Tick(int N);

/// <summary>Counts handled runs and completes when the expected number is reached.</summary>
public sealed class TickCounter
{
    private int _remaining;
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal int Remaining => Volatile.Read(ref _remaining);

    public Task Expect(int count)
    {
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _remaining, count);
        return _done.Task;
    }

    public void Hit()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _done.TrySetResult();
        }
    }
}

public static class TickHandler
{
    [OnEvent("bench/tick", Id = "count-tick")]
    public static void Count(Tick tick, FunctionContext context) =>
        ((TickCounter)context.Services.GetService(typeof(TickCounter))!).Hit();
}
