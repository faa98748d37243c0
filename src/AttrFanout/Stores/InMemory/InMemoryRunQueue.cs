using System.Collections.Concurrent;
using System.Threading.Tasks.Sources;

namespace AttrFanout.Stores.InMemory;

/// <summary>
/// One function's runs waiting to be taken, read by the function's single worker: adding a run takes no lock (a lock-free
/// queue, and the waiting worker is woken through one flag), and waiting allocates nothing (one reusable awaitable, one
/// registration on the engine's stop token for the queue's life).
/// </summary>
internal sealed class InMemoryRunQueue : IValueTaskSource<bool>
{
    private const int Idle = 0;
    private const int Waiting = 1;

    private readonly ConcurrentQueue<InMemoryRun> _runs = new();
    private ManualResetValueTaskSourceCore<bool> _waiter = new() { RunContinuationsAsynchronously = true };
    private int _state;
    private int _retriesWaiting;
    private CancellationToken _registeredFor;
    private CancellationTokenRegistration _registration;

    /// <summary>Gets the runs due and not yet taken plus the retries waiting on their timers.</summary>
    public int WaitingCount => _runs.Count + Volatile.Read(ref _retriesWaiting);

    public void RetryScheduled() => Interlocked.Increment(ref _retriesWaiting);

    public void RetryDue() => Interlocked.Decrement(ref _retriesWaiting);

    public void Add(InMemoryRun run)
    {
        _runs.Enqueue(run);
        if (Interlocked.CompareExchange(ref _state, Idle, Waiting) == Waiting)
        {
            _waiter.SetResult(true);
        }
    }

    public bool TryTake([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InMemoryRun? run) => _runs.TryDequeue(out run);

    /// <summary>Waits until a run may be taken; one caller at a time (the function's worker).</summary>
    public ValueTask<bool> WaitToTakeAsync(CancellationToken cancellationToken)
    {
        if (!_runs.IsEmpty)
        {
            return new ValueTask<bool>(true);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<bool>(cancellationToken);
        }

        RegisterOnce(cancellationToken);
        _waiter.Reset();
        Interlocked.Exchange(ref _state, Waiting);
        if (!_runs.IsEmpty && Interlocked.Exchange(ref _state, Idle) == Waiting)
        {
            return new ValueTask<bool>(true);
        }

        return new ValueTask<bool>(this, _waiter.Version);
    }

    bool IValueTaskSource<bool>.GetResult(short token) => _waiter.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _waiter.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _waiter.OnCompleted(continuation, state, token, flags);

    private void RegisterOnce(CancellationToken cancellationToken)
    {
        if (cancellationToken == _registeredFor || !cancellationToken.CanBeCanceled)
        {
            return;
        }

        _registration.Dispose();
        _registeredFor = cancellationToken;
        _registration = cancellationToken.UnsafeRegister(static (state, token) => ((InMemoryRunQueue)state!).Cancel(token), this);
    }

    private void Cancel(CancellationToken token)
    {
        if (Interlocked.Exchange(ref _state, Idle) == Waiting)
        {
            _waiter.SetException(new OperationCanceledException(token));
        }
    }
}
