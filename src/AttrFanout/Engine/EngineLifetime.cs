namespace AttrFanout.Engine;

/// <summary>
/// The engine's two stop signals and its count of executing attempts: <see cref="Stopping"/> stops new runs and
/// attempts; <see cref="Abort"/> cancels those still executing after the drain timeout.
/// </summary>
internal sealed class EngineLifetime : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _attemptsInFlight;

    public CancellationToken Stopping => _stopping.Token;

    public CancellationToken Abort => _abort.Token;

    public int AttemptsInFlight => Volatile.Read(ref _attemptsInFlight);

    /// <summary>Gets a task completed once the engine is stopping and no attempt executes.</summary>
    public Task Drained => _drained.Task;

    public void AttemptStarted() => Interlocked.Increment(ref _attemptsInFlight);

    public void AttemptEnded()
    {
        if (Interlocked.Decrement(ref _attemptsInFlight) == 0 && _stopping.IsCancellationRequested)
        {
            _drained.TrySetResult();
        }
    }

    public void BeginStop()
    {
        _stopping.Cancel();
        if (AttemptsInFlight == 0)
        {
            _drained.TrySetResult();
        }
    }

    public void AbortInFlight()
    {
        _stopping.Cancel();
        _abort.Cancel();
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _abort.Dispose();
    }
}
