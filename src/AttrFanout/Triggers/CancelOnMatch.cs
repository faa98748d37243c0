using AttrFanout.Stores;

namespace AttrFanout.Triggers;

/// <summary>
/// The one decision whether a cancelling event cancels a run, whatever the store: the run's event is older than the
/// cancelling one and inside the rule's timeout, and the run matches (equal kept keys, both not null; the <c>If</c>
/// condition over both payloads; or, with neither, every run). The engine asks it of the runs a store hands over; a store
/// that checks its deliveries against recorded cancelling events asks it itself.
/// </summary>
public static class CancelOnMatch
{
    /// <summary>Builds the store's question for a rule, or <see langword="null"/> when no run can match (a <c>Match</c> whose cancelling key is null).</summary>
    /// <exception cref="Exception">The cancelling key's accessor threw.</exception>
    internal static CancelOnQuery? Query(CancelOnWatcher watcher, EventEnvelope cancelling)
    {
        var rule = watcher.Rule;
        string? key = null;
        if (rule.RunKey is not null)
        {
            key = rule.CancellingKey?.Evaluate(cancelling.Payload);
            if (key is null)
            {
                return null;
            }
        }

        return new CancelOnQuery(watcher.Function.Id, watcher.RuleIndex, cancelling)
        {
            MatchKey = key,
            WatchedSince = rule.Timeout is { } timeout ? cancelling.Timestamp - timeout : null,
            NeedsEvent = rule.If is not null,
        };
    }

    /// <summary>Whether the query's cancelling event cancels the run of an event at <paramref name="eventTimestamp"/> with these keys and event.</summary>
    /// <param name="rule">The function's rule the query is for (<see cref="FunctionDescriptor.CancelOn"/>[<see cref="CancelOnQuery.RuleIndex"/>]).</param>
    /// <param name="query">The cancelling event and its bounds.</param>
    /// <param name="eventTimestamp">When the run's event was accepted.</param>
    /// <param name="keys">The run's keys, with its side of each match in <see cref="FlowControl.RunKeys.CancelMatches"/>.</param>
    /// <param name="event">The run's event with its payload, needed by a rule with an <c>If</c> condition.</param>
    /// <returns>Whether the run is cancelled.</returns>
    /// <exception cref="Exception">The rule's <c>If</c> condition threw.</exception>
    public static bool Cancels(CancelOnRule rule, CancelOnQuery query, DateTimeOffset eventTimestamp, FlowControl.RunKeys? keys, EventEnvelope? @event)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(query);
        var cancelling = query.Cancelling;
        if (eventTimestamp >= cancelling.Timestamp || (query.WatchedSince is { } since && eventTimestamp < since))
        {
            return false;
        }

        if (rule.RunKey is not null)
        {
            var kept = keys?.CancelMatches is { } matches && query.RuleIndex < matches.Count ? matches[query.RuleIndex] : null;
            if (kept is null || query.MatchKey is null || !string.Equals(kept, query.MatchKey, StringComparison.Ordinal))
            {
                return false;
            }
        }

        if (rule.If is { } condition)
        {
            return @event is not null && condition(@event.Payload, cancelling.Payload);
        }

        return true;
    }
}
