namespace AttrFanout.Sqlite.Engine;

/// <summary>Prunes the store on a <see cref="TimeProvider"/> timer, every <see cref="SqliteStoreOptions.PruneInterval"/>.</summary>
internal sealed class RetentionPruner : IDisposable
{
    private readonly Func<Task<PruneResult>> _prune;
    private readonly Action<PruneResult> _onPruned;
    private readonly Action<Exception> _onError;
    private readonly ITimer _timer;
    private int _pruning;

    public RetentionPruner(TimeProvider time, TimeSpan interval, Func<Task<PruneResult>> prune, Action<PruneResult> onPruned, Action<Exception> onError)
    {
        _prune = prune;
        _onPruned = onPruned;
        _onError = onError;
        _timer = time.CreateTimer(static state => _ = ((RetentionPruner)state!).PruneAsync(), this, interval, interval);
    }

    public async Task PruneAsync()
    {
        if (Interlocked.Exchange(ref _pruning, 1) == 1)
        {
            return;
        }

        try
        {
            _onPruned(await _prune().ConfigureAwait(false));
        }
        catch (Exception error)
        {
            _onError(error);
        }
        finally
        {
            Volatile.Write(ref _pruning, 0);
        }
    }

    public void Dispose() => _timer.Dispose();
}
