
namespace AttrFanout.Engine;

/// <summary>
/// Keeps the runs executing until their settlement is recorded, in a list threaded through the runs themselves (nothing
/// allocated per run), so shutdown can wait for them and hand back those that never end.
/// </summary>
internal sealed class RunTracker
{
    private readonly Lock _gate = new();
    private RunState? _head;
    private int _count;
    private TaskCompletionSource? _idle;
    private int _idleAt;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Started(RunState run)
    {
        lock (_gate)
        {
            run.Next = _head;
            if (_head is not null)
            {
                _head.Previous = run;
            }

            _head = run;
            _count++;
        }
    }

    public void Ended(RunState run)
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            if (run.Previous is null)
            {
                _head = run.Next;
            }
            else
            {
                run.Previous.Next = run.Next;
            }

            if (run.Next is not null)
            {
                run.Next.Previous = run.Previous;
            }

            run.Previous = run.Next = null;
            if (--_count <= _idleAt)
            {
                idle = _idle;
            }
        }

        idle?.TrySetResult();
    }

    /// <summary>Completes once at most <paramref name="left"/> runs execute; call it when no run starts any more.</summary>
    public Task WhenIdleAsync(int left = 0)
    {
        lock (_gate)
        {
            _idleAt = left;
            _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_count <= left)
            {
                _idle.TrySetResult();
            }

            return _idle.Task;
        }
    }

    public RunState[] Snapshot()
    {
        lock (_gate)
        {
            var runs = new RunState[_count];
            var next = _head;
            for (var i = 0; next is not null; i++, next = next.Next)
            {
                runs[i] = next;
            }

            return runs;
        }
    }
}
