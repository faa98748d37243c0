using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AttrFanout.Sqlite.Flow;
using AttrFanout.Stores;

namespace AttrFanout.Sqlite.Engine;

/// <summary>
/// Polls the file's <c>cancel_requests</c> every <see cref="PollInterval"/> on a <see cref="TimeProvider"/> and streams the
/// requests of runs that are executing (leased) in any process. A request is streamed once; it is streamed again when this
/// process hands its run over after that (a run leased here and still queued when the request came), so the engine that
/// executes it hears of it within one interval.
/// </summary>
internal sealed class CancellationWatch(ReadConnections reads, TimeProvider time, Action<Exception> onError) : IDisposable
{
    /// <summary>How often the file is read for cancel requests.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, string> _announced = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closed = new();

    /// <summary>Records that a run is handed to the engine, so a request of it already streamed is streamed again.</summary>
    public void HandedOver(string runId)
    {
        if (!_announced.IsEmpty)
        {
            _announced.TryRemove(runId, out _);
        }
    }

    public async IAsyncEnumerable<RunCancellation> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        while (!linked.IsCancellationRequested)
        {
            foreach (var request in Poll())
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

    private List<RunCancellation> Poll()
    {
        List<RunCancellation> requests;
        try
        {
            requests = reads.Read(CancelRequests.Read);
        }
        catch (Exception error) when (!_closed.IsCancellationRequested)
        {
            onError(error);
            return [];
        }
        catch (Exception) when (_closed.IsCancellationRequested)
        {
            return [];
        }

        var fresh = new List<RunCancellation>();
        foreach (var request in requests)
        {
            if (_announced.TryAdd(request.RunId, request.Reason))
            {
                fresh.Add(request);
            }
        }

        if (_announced.Count > requests.Count)
        {
            var live = requests.Select(static r => r.RunId).ToHashSet(StringComparer.Ordinal);
            foreach (var runId in _announced.Keys)
            {
                if (!live.Contains(runId))
                {
                    _announced.TryRemove(runId, out _);
                }
            }
        }

        return fresh;
    }

    public void Dispose()
    {
        _closed.Cancel();
        _closed.Dispose();
    }
}
