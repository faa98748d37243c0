namespace AttrFanout.Testing;

/// <summary>One event of a cascade: who sent it and the runs it started.</summary>
public sealed class CascadeEvent
{
    private readonly List<CascadeRun> _runs = [];

    internal CascadeEvent(ObservedEvent observed, CascadeRun? sentBy)
    {
        EventId = observed.EventId;
        EventName = observed.EventName;
        IsDuplicate = observed.IsDuplicate;
        SentBy = sentBy;
    }

    /// <summary>Gets the event's Id.</summary>
    public string EventId { get; }

    /// <summary>Gets the event's name.</summary>
    public string EventName { get; }

    /// <summary>Gets whether the event repeated an Id accepted before, so it started no run of its own.</summary>
    public bool IsDuplicate { get; }

    /// <summary>Gets the run that sent the event (the failed run, for <c>attrfanout/function.failed</c>); <see langword="null"/> when sent from outside any run of the cascade.</summary>
    public CascadeRun? SentBy { get; }

    /// <summary>Gets the runs the event started, one per subscribed function.</summary>
    public IReadOnlyList<CascadeRun> Runs => _runs;

    /// <summary>Gets the chain that led to this event, from the first event: <c>order/placed → reserve → stock/reserved</c>.</summary>
    public string Chain => SentBy is { } run ? $"{run.Chain} → {EventName}" : EventName;

    /// <inheritdoc />
    public override string ToString() => $"{EventName} ({EventId})";

    internal void AddRun(CascadeRun run) => _runs.Add(run);
}
