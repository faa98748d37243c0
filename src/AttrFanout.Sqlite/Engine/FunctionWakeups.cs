using AttrFanout.Sqlite.Storage;

namespace AttrFanout.Sqlite.Engine;

/// <summary>
/// Wakes each function's worker when a run of it may be due: at once for runs this process accepts or hands back,
/// and on a <see cref="TimeProvider"/> timer, by reading which functions have available runs in the file
/// (retries due after a restart, runs of other processes, expired leases).
/// </summary>
internal sealed class FunctionWakeups : IDisposable
{
    private static readonly Statement DueFunctions = new("SELECT DISTINCT function_id FROM runs WHERE available_at <= $now", "$now");

    private readonly Dictionary<string, Wakeup> _functions = new(StringComparer.Ordinal);
    private readonly ReadConnections _reads;
    private readonly TimeProvider _time;
    private readonly Action<Exception> _onPollError;
    private readonly Action<string> _onDue;
    private readonly ITimer _poll;
    private volatile bool _closed;

    public FunctionWakeups(IEnumerable<string> functionIds, ReadConnections reads, TimeProvider time, TimeSpan pollInterval, Action<string> onDue, Action<Exception> onPollError)
    {
        foreach (var id in functionIds)
        {
            _functions.TryAdd(id, new Wakeup());
        }

        _reads = reads;
        _time = time;
        _onDue = onDue;
        _onPollError = onPollError;
        _poll = time.CreateTimer(static state => ((FunctionWakeups)state!).Poll(), this, pollInterval, pollInterval);
    }

    /// <summary>Marks a run of <paramref name="functionId"/> as possibly due and wakes its worker.</summary>
    public void Wake(string functionId)
    {
        if (_functions.TryGetValue(functionId, out var wakeup))
        {
            wakeup.Set();
        }
    }

    /// <summary>Waits until a run of <paramref name="functionId"/> may be due; false once closed.</summary>
    public async ValueTask<bool> WaitAsync(string functionId, CancellationToken cancellationToken)
    {
        if (!_functions.TryGetValue(functionId, out var wakeup))
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken).ConfigureAwait(false);
            return false;
        }

        while (!_closed)
        {
            if (wakeup.TryConsume(out var signalled))
            {
                return true;
            }

            await signalled.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>Reads which functions have available runs now and wakes them.</summary>
    public void Poll()
    {
        if (_closed)
        {
            return;
        }

        try
        {
            foreach (var functionId in _reads.Read(DueFunctionIds))
            {
                _onDue(functionId);
                Wake(functionId);
            }
        }
        catch (Exception error) when (!_closed)
        {
            _onPollError(error);
        }
    }

    private List<string> DueFunctionIds(StatementCache statements)
    {
        using var reader = statements.Get(DueFunctions).Bind(0, UnixTime.ToStored(_time.GetUtcNow())).ExecuteReader();
        var due = new List<string>();
        while (reader.Read())
        {
            due.Add(reader.GetString(0));
        }

        return due;
    }

    public void Dispose()
    {
        _closed = true;
        _poll.Dispose();
        foreach (var wakeup in _functions.Values)
        {
            wakeup.Set();
        }
    }

    private sealed class Wakeup
    {
        private readonly Lock _gate = new();
        private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _pending = true;

        public void Set()
        {
            TaskCompletionSource signal;
            lock (_gate)
            {
                _pending = true;
                signal = _signal;
            }

            signal.TrySetResult();
        }

        public bool TryConsume(out Task signalled)
        {
            lock (_gate)
            {
                if (_pending)
                {
                    _pending = false;
                    signalled = Task.CompletedTask;
                    return true;
                }

                if (_signal.Task.IsCompleted)
                {
                    _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                signalled = _signal.Task;
                return false;
            }
        }
    }
}
