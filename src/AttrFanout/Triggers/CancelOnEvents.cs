using AttrFanout.Runs;
using AttrFanout.Stores;
using AttrFanout.Telemetry;
using Microsoft.Extensions.Logging;

namespace AttrFanout.Triggers;

/// <summary>
/// Cancels, once an event is accepted, the runs of every function whose <see cref="CancelOnAttribute"/> names it: the store
/// hands over the candidates (bounded by function, not over, the rule's timeout window and <see cref="CancelOnQuery.Limit"/>),
/// <see cref="CancelOnMatch"/> decides, and each match is cancelled through <see cref="IFanoutStore.CancelRunAsync"/>, as a
/// cancel by request is: a waiting run ends at once, an executing one has its token fired by the engine that runs it.
/// </summary>
internal sealed class CancelOnEvents(FunctionCatalog catalog, IFanoutStore store, RunCompletions completions, TimeProvider time, ILogger logger)
{
    public bool Watches(string eventName) => catalog.GetCancelOnWatchers(eventName).Count > 0;

    public async ValueTask CancelMatchingAsync(EventEnvelope cancelling, CancellationToken cancellationToken)
    {
        foreach (var watcher in catalog.GetCancelOnWatchers(cancelling.Name))
        {
            try
            {
                await CancelMatchingAsync(watcher, cancelling, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                CancelOnLog.Failed(logger, cancelling.Id, cancelling.Name, watcher.Function.Id, error);
            }
        }
    }

    private async ValueTask CancelMatchingAsync(CancelOnWatcher watcher, EventEnvelope cancelling, CancellationToken cancellationToken)
    {
        if (CancelOnMatch.Query(watcher, cancelling) is not { } query)
        {
            return;
        }

        var candidates = await store.FindCancelOnCandidatesAsync(query, cancellationToken).ConfigureAwait(false);
        if (candidates.Count >= query.Limit)
        {
            CancelOnLog.LimitReached(logger, cancelling.Id, cancelling.Name, watcher.Function.Id, query.Limit);
        }

        var reason = query.Reason;
        foreach (var candidate in candidates)
        {
            if (!Decide(watcher, query, candidate))
            {
                continue;
            }

            var run = await store.CancelRunAsync(candidate.RunId, reason, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (run is { Status: RunStatus.Cancelled } && string.Equals(run.Reason, reason, StringComparison.Ordinal))
            {
                Log.RunCancelled(logger, run.FunctionId, run.RunId, run.EventId, reason);
                FanoutMetrics.Add(FanoutMetrics.RunsCancelled, FanoutTags.Function, run.FunctionId);
                completions.Ended(run);
            }
        }
    }

    private bool Decide(CancelOnWatcher watcher, CancelOnQuery query, CancelOnCandidate candidate)
    {
        try
        {
            return CancelOnMatch.Cancels(watcher.Rule, query, candidate.EventTimestamp, candidate.Keys, candidate.Event);
        }
        catch (Exception error)
        {
            CancelOnLog.ConditionFailed(logger, watcher.Function.Id, candidate.RunId, query.Cancelling.Id, error);
            return false;
        }
    }
}
