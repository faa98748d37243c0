using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AttrFanout.Sqlite.Flow;
using AttrFanout.Stores;

namespace AttrFanout.Sqlite.Engine;

/// <summary>
/// Polls the file's <c>cancel_requests</c> every <see cref="PollInterval"/> on a <see cref="TimeProvider"/> and streams, to
/// each watcher, the requests of runs that are executing (leased) in any process. A watcher hears of a request once; it
/// hears of it again when this process hands the run over after that (a run leased here and still queued when the request
/// came), so the engine that executes it hears of it within one interval.
/// </summary>
internal sealed class CancellationWatch(ReadConnections reads, TimeProvider time, Action<Exception> onError) : IDisposable
{
    /// <summary>How often the file is read for cancel requests.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _closed = new();
    private volatile ConcurrentDictionary<string, string>[] _watchers = [];

    /// <summary>Records that a run is handed to the engine, so a request of it already streamed is streamed again.</summary>
    public void HandedOver(string runId)
    {
        foreach (var announced in _watchers)
        {
            if (!announced.IsEmpty)
            {
                announced.TryRemove(runId, out _);
            }
        }
    }

    public async IAsyncEnumerable<RunCancellation> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var announced = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Enter(announced);
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
            while (!linked.IsCancellationRequested)
            {
                foreach (var request in Poll(announced))
                {
                    yield return request;
                }

                try
                {
                    await Task.Delay(PollInterval, time, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
            }
        }
        finally
        {
            Leave(announced);
        }
    }

    private List<RunCancellation> Poll(ConcurrentDictionary<string, string> announced)
    {
        List<RunCancellation> requests;
        try
        {
            requests = reads.Read(CancelRequests.Read);
        }
        catch (Exception error)
        {
            if (!_closed.IsCancellationRequested)
            {
                onError(error);
            }

            return [];
        }

        var fresh = new List<RunCancellation>();
        foreach (var request in requests)
        {
            if (announced.TryAdd(request.RunId, request.Reason))
            {
                fresh.Add(request);
            }
        }

        if (announced.Count > requests.Count)
        {
            var live = requests.Select(static r => r.RunId).ToHashSet(StringComparer.Ordinal);
            foreach (var runId in announced.Keys.Where(runId => !live.Contains(runId)))
            {
                announced.TryRemove(runId, out _);
            }
        }

        return fresh;
    }

    private void Enter(ConcurrentDictionary<string, string> announced)
    {
        lock (_gate)
        {
            _watchers = [.. _watchers, announced];
        }
    }

    private void Leave(ConcurrentDictionary<string, string> announced)
    {
        lock (_gate)
        {
            _watchers = [.. _watchers.Where(w => w != announced)];
        }
    }

    public void Dispose() => _closed.Cancel();
}
