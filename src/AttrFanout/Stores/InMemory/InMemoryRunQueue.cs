using System.Collections.Concurrent;
using System.Threading.Tasks.Sources;

namespace AttrFanout.Stores.InMemory;

/// <summary>
/// One function's runs waiting to be taken, read by the function's single worker: adding a run takes no lock (a lock-free
/// queue, and the waiting worker is woken through one flag), and waiting allocates nothing (one reusable awaitable, one
/// registration on the engine's stop token for the queue's life). Runs carrying flow-control keys (a function with rules)
/// are ordered instead, under a lock, by their due time less their priority (<see cref="FlowControl.RunKeys.Priority"/>),
/// ties in the order they were added.
/// </summary>
internal sealed class InMemoryRunQueue : IValueTaskSource<bool>
{
    private const int Idle = 0;
    private const int Waiting = 1;

    private readonly ConcurrentQueue<InMemoryRun> _runs = new();
    private readonly Lock _orderedGate = new();
    private PriorityQueue<InMemoryRun, (long DueTicks, long Order)>? _ordered;
    private long _added;
    private int _orderedCount;
    private ManualResetValueTaskSourceCore<bool> _waiter = new() { RunContinuationsAsynchronously = true };
    private int _state;
    private int _retriesWaiting;
    private CancellationToken _registeredFor;
    private CancellationTokenRegistration _registration;

    /// <summary>Gets the runs due and not yet taken plus the retries waiting on their timers.</summary>
    public int WaitingCount => _runs.Count + Volatile.Read(ref _orderedCount) + Volatile.Read(ref _retriesWaiting);

    private bool IsEmpty => _runs.IsEmpty && Volatile.Read(ref _orderedCount) == 0;

    public void RetryScheduled() => Interlocked.Increment(ref _retriesWaiting);

    public void RetryDue() => Interlocked.Decrement(ref _retriesWaiting);

    public void Add(InMemoryRun run)
    {
        if (run.Keys is { } keys)
        {
            AddOrdered(run, keys.Priority);
        }
        else
        {
            _runs.Enqueue(run);
        }

        if (Interlocked.CompareExchange(ref _state, Idle, Waiting) == Waiting)
        {
            _waiter.SetResult(true);
        }
    }

    public bool TryTake([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InMemoryRun? run)
    {
        if (_runs.TryDequeue(out run))
        {
            return true;
        }

        if (Volatile.Read(ref _orderedCount) == 0)
        {
            return false;
        }

        lock (_orderedGate)
        {
            if (_ordered is null || !_ordered.TryDequeue(out run, out _))
            {
                return false;
            }

            Interlocked.Decrement(ref _orderedCount);
            return true;
        }
    }

    private void AddOrdered(InMemoryRun run, int prioritySeconds)
    {
        var due = run.DueAt.UtcTicks - (prioritySeconds * TimeSpan.TicksPerSecond);
        lock (_orderedGate)
        {
            (_ordered ??= new()).Enqueue(run, (due, ++_added));
            Interlocked.Increment(ref _orderedCount);
        }
    }

    /// <summary>Waits until a run may be taken; one caller at a time (the function's worker).</summary>
    public ValueTask<bool> WaitToTakeAsync(CancellationToken cancellationToken)
    {
        if (!IsEmpty)
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
        if (!IsEmpty && Interlocked.Exchange(ref _state, Idle) == Waiting)
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
