using System.Collections.Concurrent;

namespace AttrFanout.Stores.InMemory;

/// <summary>
/// The runs, not over, of functions that an event may cancel (<see cref="CancelOnAttribute"/>), by function: a cancelling
/// event looks through its function's runs only, never every run of the store. A run leaves when it ends.
/// </summary>
internal sealed class InMemoryCancelOnIndex
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byFunction = new(StringComparer.Ordinal);

    public static bool Applies(InMemoryRun run) => run.Keys?.CancelMatches is not null;

    public void Add(InMemoryRun run)
    {
        if (Applies(run))
        {
            _byFunction.GetOrAdd(run.FunctionId, static _ => new(StringComparer.Ordinal))[run.RunId] = 0;
        }
    }

    public void Ended(InMemoryRun run)
    {
        if (Applies(run) && _byFunction.TryGetValue(run.FunctionId, out var runs))
        {
            runs.TryRemove(run.RunId, out _);
        }
    }

    /// <summary>Finds the query's candidates among the function's runs; a run found over on the way is dropped from the index.</summary>
    public IReadOnlyList<CancelOnCandidate> Find(CancelOnQuery query, Func<string, InMemoryRun?> find)
    {
        if (!_byFunction.TryGetValue(query.FunctionId, out var runIds))
        {
            return [];
        }

        var candidates = new List<CancelOnCandidate>();
        foreach (var runId in runIds.Keys)
        {
            if (find(runId) is not { } run || run.Status is not (RunStatus.Pending or RunStatus.Running or RunStatus.RetryScheduled))
            {
                runIds.TryRemove(runId, out _);
                continue;
            }

            var at = run.Event.Timestamp;
            if (at >= query.Cancelling.Timestamp || (query.WatchedSince is { } since && at < since))
            {
                continue;
            }

            candidates.Add(new CancelOnCandidate(run.RunId, at, run.Keys, query.NeedsEvent ? run.Event : null));
            if (candidates.Count >= query.Limit)
            {
                break;
            }
        }

        return candidates;
    }
}
