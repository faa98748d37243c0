using AttrFanout.Nats.Publishing;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using NATS.Client.KeyValueStore;

namespace AttrFanout.Nats.Retries;

/// <summary>
/// Re-publishes waiting runs when they are due. Every instance watches the retry bucket's keys (which carry the due
/// times), keeps them in a queue ordered by due time, and on one <see cref="TimeProvider"/> timer publishes each due run
/// to its function's replay subject (the replay consumer reads it with the attempts it made), then removes its entry.
/// </summary>
/// <remarks>
/// Exactly one replay per wait, whichever instances fire it and whenever they crash: the replay's message Id names the
/// wait (<see cref="RetryKey.ReplayMessageId"/>), so the server drops a second publish inside the stream's duplicate
/// window, and the entry is removed only at the revision that was replayed. A crash before the publish leaves the entry,
/// which the next instance to start (or any running one) replays; a crash between publish and removal leaves an entry
/// whose replay the server drops as a duplicate before it is removed.
/// </remarks>
internal sealed class RetryTimer : IAsyncDisposable
{
    private const int Batch = 128;
    private static readonly TimeSpan ErrorPause = TimeSpan.FromSeconds(1);

    /// <summary>The longest the timer is set for (a timer takes at most ~49 days); it is set again when it fires early.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    /// <summary>The least time between two lines about replays that failed (every due run fails alike while the server is away).</summary>
    private static readonly TimeSpan FailureLogInterval = TimeSpan.FromMinutes(1);

    private readonly RetryBucket _bucket;
    private readonly EventPublisher _publisher;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ulong> _waiting = new(StringComparer.Ordinal);
    private readonly PriorityQueue<(string Key, ulong Revision), DateTimeOffset> _due = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _timer;
    private readonly Task _watching;
    private Task _firing = Task.CompletedTask;
    private int _fireRunning;
    private long _failureLoggedAt = long.MinValue;

    public RetryTimer(RetryBucket bucket, EventPublisher publisher, TimeProvider time, ILogger logger)
    {
        _bucket = bucket;
        _publisher = publisher;
        _time = time;
        _logger = logger;
        _timer = time.CreateTimer(static state => ((RetryTimer)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var stopping = _stopping.Token;
        _watching = Task.Run(() => WatchAsync(stopping), CancellationToken.None);
    }

    /// <summary>Gets how many waiting runs this instance knows of.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Gets how many waiting runs of <paramref name="functionId"/> this instance knows of (the bucket's, whichever instance recorded them).</summary>
    public int WaitingOf(string functionId)
    {
        var count = 0;
        lock (_gate)
        {
            foreach (var key in _waiting.Keys)
            {
                var first = key.IndexOf('.', StringComparison.Ordinal);
                var last = key.LastIndexOf('.');
                if (first >= 0 && last > first && key.AsSpan(first + 1, last - first - 1).SequenceEqual(functionId))
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Gets the keys of the waiting runs this instance knows of (the bucket's, whichever instance recorded them).</summary>
    public string[] WaitingKeys()
    {
        lock (_gate)
        {
            return [.. _waiting.Keys];
        }
    }

    /// <summary>Finds the wait of the run of <paramref name="functionId"/> named by <paramref name="runSequence"/>, among those this instance knows.</summary>
    public bool TryFind(string functionId, ulong runSequence, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? key)
    {
        lock (_gate)
        {
            foreach (var waiting in _waiting.Keys)
            {
                if (RetryKey.TryGetRun(waiting, out var function, out var sequence, out _) && sequence == runSequence && function.SequenceEqual(functionId))
                {
                    key = waiting;
                    return true;
                }
            }
        }

        key = null;
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _timer.DisposeAsync().ConfigureAwait(false);
        await _watching.ConfigureAwait(false);
        Task firing;
        lock (_gate)
        {
            firing = _firing;
        }

        await firing.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task WatchAsync(CancellationToken stopping)
    {
        try
        {
            await _bucket.PurgeOldMarkersAsync(stopping).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Markers only cost room; the next start tries again.
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await foreach (var entry in _bucket.Store.WatchAsync(NatsRawSerializer<byte[]>.Default, new NatsKVWatchOpts { MetaOnly = true }, stopping).ConfigureAwait(false))
                {
                    if (entry.Operation == NatsKVOperation.Put)
                    {
                        Add(entry.Key, entry.Revision);
                    }
                    else
                    {
                        Forget(entry.Key);
                    }
                }
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                Log.RetryWatchFailed(_logger, _bucket.Store.Bucket, error.Message);
                try
                {
                    await Task.Delay(ErrorPause, _time, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Add(string key, ulong revision)
    {
        if (!RetryKey.TryGetDue(key, out var dueAt))
        {
            return;
        }

        lock (_gate)
        {
            _waiting[key] = revision;
            _due.Enqueue((key, revision), dueAt);
        }

        Arm();
    }

    private void Forget(string key)
    {
        lock (_gate)
        {
            _waiting.Remove(key);
        }
    }

    /// <summary>Sets the timer to the earliest due run, or fires at once when one is due.</summary>
    private void Arm()
    {
        TimeSpan wait;
        lock (_gate)
        {
            if (!TryPeek(out var dueAt))
            {
                return;
            }

            wait = dueAt - _time.GetUtcNow();
        }

        if (wait <= TimeSpan.Zero)
        {
            Fire();
            return;
        }

        try
        {
            _timer.Change(wait < MaxWait ? wait : MaxWait, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Peeks the earliest entry still waiting, dropping those removed or replaced meanwhile. Call under the gate.</summary>
    private bool TryPeek(out DateTimeOffset dueAt)
    {
        while (_due.TryPeek(out var item, out dueAt))
        {
            if (_waiting.TryGetValue(item.Key, out var revision) && revision == item.Revision)
            {
                return true;
            }

            _due.Dequeue();
        }

        return false;
    }

    private void Fire()
    {
        if (_stopping.IsCancellationRequested || Interlocked.CompareExchange(ref _fireRunning, 1, 0) != 0)
        {
            return;
        }

        lock (_gate)
        {
            var stopping = _stopping.Token;
            _firing = Task.Run(() => FireAsync(stopping), CancellationToken.None);
        }
    }

    private async Task FireAsync(CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested && TakeDue() is { Count: > 0 } due)
            {
                await Task.WhenAll(due.Select(item => ReplayAsync(item.Key, item.Revision, stopping))).ConfigureAwait(false);
            }
        }
        finally
        {
            Volatile.Write(ref _fireRunning, 0);
        }

        if (!stopping.IsCancellationRequested)
        {
            Arm();
        }
    }

    private List<(string Key, ulong Revision)> TakeDue()
    {
        var now = _time.GetUtcNow();
        var due = new List<(string, ulong)>();
        lock (_gate)
        {
            while (due.Count < Batch && TryPeek(out var dueAt) && dueAt <= now)
            {
                var item = _due.Dequeue();
                _waiting.Remove(item.Key);
                due.Add(item);
            }
        }

        return due;
    }

    private async Task ReplayAsync(string key, ulong revision, CancellationToken stopping)
    {
        try
        {
            var (found, run) = await _bucket.ReadAsync(key, stopping).ConfigureAwait(false);
            if (found && run is not null)
            {
                await _publisher.PublishHandBackAsync(run.FunctionId, run.Event, run.RunId, run.AttemptsMade, RetryKey.ReplayMessageId(key), run.Keys, stopping, run.History).ConfigureAwait(false);
            }
            else if (found)
            {
                Log.RetryUnreadable(_logger, key, _bucket.Store.Bucket);
            }

            await _bucket.RemoveAsync(key, revision, stopping).ConfigureAwait(false);
        }
        catch (Exception error) when (!stopping.IsCancellationRequested)
        {
            var now = _time.GetTimestamp();
            var loggedAt = Interlocked.Read(ref _failureLoggedAt);
            if ((loggedAt == long.MinValue || _time.GetElapsedTime(loggedAt, now) >= FailureLogInterval)
                && Interlocked.CompareExchange(ref _failureLoggedAt, now, loggedAt) == loggedAt)
            {
                Log.RetryReplayFailed(_logger, key, error.Message);
            }

            lock (_gate)
            {
                if (_waiting.TryAdd(key, revision))
                {
                    _due.Enqueue((key, revision), _time.GetUtcNow() + ErrorPause);
                }
            }
        }
        catch (Exception)
        {
            // Stopping: the entry stays, for the next instance (or, if its replay was published, is dropped as a duplicate there).
        }
    }
}
