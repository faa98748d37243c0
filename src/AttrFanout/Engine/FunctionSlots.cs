using System.Threading.Tasks.Sources;

namespace AttrFanout.Engine;

/// <summary>
/// One function's concurrency slots, awaited by its single worker: a slot freed while the worker waits is handed to it
/// directly, through one reusable awaitable, so waiting for a slot allocates nothing however often it happens.
/// </summary>
internal sealed class FunctionSlots : IValueTaskSource
{
    private readonly Lock _gate = new();
    private ManualResetValueTaskSourceCore<bool> _waiter;
    private int _free;
    private bool _waiting;
    private CancellationTokenRegistration _stopping;

    public FunctionSlots(int limit)
    {
        _free = limit;
        _waiter.RunContinuationsAsynchronously = false;
    }

    /// <summary>Gets how many slots are free.</summary>
    public int Free
    {
        get
        {
            lock (_gate)
            {
                return _free;
            }
        }
    }

    /// <summary>Ends a wait in progress, and every later one, with <see cref="OperationCanceledException"/> once <paramref name="stopping"/> is cancelled.</summary>
    public void StopWaitingOn(CancellationToken stopping) =>
        _stopping = stopping.UnsafeRegister(static (state, token) => ((FunctionSlots)state!).Cancel(token), this);

    /// <summary>Takes a slot, waiting for one when none is free; one caller at a time (the function's worker).</summary>
    public ValueTask WaitAsync(CancellationToken stopping)
    {
        lock (_gate)
        {
            stopping.ThrowIfCancellationRequested();
            if (_free > 0)
            {
                _free--;
                return ValueTask.CompletedTask;
            }

            _waiter.Reset();
            _waiting = true;
            return new ValueTask(this, _waiter.Version);
        }
    }

    /// <summary>Gives a slot back, to the waiting worker when there is one.</summary>
    public void Release()
    {
        lock (_gate)
        {
            if (!_waiting)
            {
                _free++;
                return;
            }

            _waiting = false;
        }

        _waiter.SetResult(true);
    }

    private void Cancel(CancellationToken token)
    {
        lock (_gate)
        {
            if (!_waiting)
            {
                return;
            }

            _waiting = false;
        }

        _waiter.SetException(new OperationCanceledException(token));
    }

    void IValueTaskSource.GetResult(short token) => _waiter.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _waiter.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _waiter.OnCompleted(continuation, state, token, flags);
}
