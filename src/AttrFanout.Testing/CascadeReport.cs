namespace AttrFanout.Testing;

/// <summary>What a cascade did: every event seen, in the order accepted, and every run, by function and by event.</summary>
public sealed class CascadeReport
{
    private readonly List<CascadeEvent> _events = [];
    private readonly List<CascadeRun> _runs = [];

    internal CascadeReport(IReadOnlyList<ObservedEvent> observed, IReadOnlyDictionary<string, FunctionRun> runs)
    {
        var byRunId = new Dictionary<string, CascadeRun>(StringComparer.Ordinal);
        foreach (var accepted in observed)
        {
            var sentBy = accepted.SentByRunId is { } sender && byRunId.TryGetValue(sender, out var senderRun) ? senderRun : null;
            var @event = new CascadeEvent(accepted, sentBy);
            sentBy?.AddSent(@event);
            _events.Add(@event);
            foreach (var runId in accepted.RunIds)
            {
                if (!byRunId.TryGetValue(runId, out var run))
                {
                    run = new CascadeRun(runs[runId], @event);
                    byRunId.Add(runId, run);
                    _runs.Add(run);
                }

                @event.AddRun(run);
            }
        }
    }

    /// <summary>Gets every event of the cascade, in the order accepted.</summary>
    public IReadOnlyList<CascadeEvent> Events => _events;

    /// <summary>Gets every run of the cascade, in the order their events were accepted.</summary>
    public IReadOnlyList<CascadeRun> Runs => _runs;

    /// <summary>Gets whether every run succeeded.</summary>
    public bool AllSucceeded => _runs.All(static r => r.Status == RunStatus.Succeeded);

    /// <summary>Gets the one run of the function <paramref name="functionId"/>.</summary>
    /// <param name="functionId">The function's Id.</param>
    /// <exception cref="KeyNotFoundException">The function did not run, or ran more than once (use <see cref="RunsOf"/>).</exception>
    public CascadeRun this[string functionId]
    {
        get
        {
            var found = RunsOf(functionId);
            return found.Count == 1 ? found[0] : throw new KeyNotFoundException(found.Count == 0
                ? $"No run of function '{functionId}'. The cascade ran: {string.Join(", ", _runs.Select(static r => r.FunctionId).Distinct())}."
                : $"Function '{functionId}' ran {found.Count} times in the cascade; use RunsOf(\"{functionId}\").");
        }
    }

    /// <summary>Gets the runs of the function <paramref name="functionId"/>, in order.</summary>
    /// <param name="functionId">The function's Id.</param>
    /// <returns>The runs; empty when the function did not run.</returns>
    public IReadOnlyList<CascadeRun> RunsOf(string functionId) =>
        _runs.Where(r => string.Equals(r.FunctionId, functionId, StringComparison.Ordinal)).ToList();

    /// <summary>Gets the events named <paramref name="eventName"/>, in the order accepted.</summary>
    /// <param name="eventName">The event's name.</param>
    /// <returns>The events; empty when none was sent.</returns>
    public IReadOnlyList<CascadeEvent> EventsNamed(string eventName) =>
        _events.Where(e => string.Equals(e.EventName, eventName, StringComparison.Ordinal)).ToList();

    /// <summary>Describes the cascade as a tree: each event with its runs, each run with the events it sent.</summary>
    /// <returns>One line per event and per run, indented by depth.</returns>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        foreach (var root in _events.Where(static e => e.SentBy is null))
        {
            Describe(root, 0, text);
        }

        return text.ToString();
    }

    private static void Describe(CascadeEvent @event, int depth, System.Text.StringBuilder text)
    {
        text.Append(' ', depth * 2).Append(@event.EventName).Append(@event.IsDuplicate ? " (duplicate)" : "").AppendLine();
        foreach (var run in @event.Runs)
        {
            text.Append(' ', (depth + 1) * 2).Append(run).AppendLine();
            foreach (var sent in run.Sent)
            {
                Describe(sent, depth + 2, text);
            }
        }
    }
}
