namespace AttrFanout.Stores;

/// <summary>
/// What a store is asked when an event that cancels runs of a function (<see cref="CancelOnAttribute"/>) was accepted: the
/// runs of <see cref="FunctionId"/> that are not over and whose event is older than <see cref="Cancelling"/>, within
/// <see cref="WatchedSince"/>. The engine decides which of them the event cancels (<see cref="IFanoutStore.FindCancelOnCandidatesAsync"/>).
/// </summary>
/// <param name="FunctionId">The function whose runs may be cancelled.</param>
/// <param name="RuleIndex">The rule's place in <see cref="FunctionDescriptor.CancelOn"/>, and so the run's kept key in <see cref="FlowControl.RunKeys.CancelMatches"/>.</param>
/// <param name="Cancelling">The cancelling event, as accepted.</param>
public sealed record CancelOnQuery(string FunctionId, int RuleIndex, EventEnvelope Cancelling)
{
    /// <summary>How many runs one query hands back at most: the bound of one cancelling event's work per function.</summary>
    public const int DefaultLimit = 10_000;

    /// <summary>
    /// Gets the cancelling event's key when the rule matches by key (<see cref="CancelOnAttribute.Match"/>): only runs whose kept
    /// key equals it can match; <see langword="null"/> for a rule without <c>Match</c>.
    /// </summary>
    public string? MatchKey { get; init; }

    /// <summary>Gets how old a run's event may be (the rule's timeout before the cancelling event), or <see langword="null"/> for any age.</summary>
    public DateTimeOffset? WatchedSince { get; init; }

    /// <summary>Gets whether the engine needs each run's event with its payload (<see cref="CancelOnAttribute.If"/>).</summary>
    public bool NeedsEvent { get; init; }

    /// <summary>Gets the reason a run this event cancels keeps (<see cref="FunctionRun.Reason"/>): <c>cancelled by event '{Id}' ({name})</c>.</summary>
    public string Reason => Runs.CancelReasons.ByEvent(Cancelling);

    /// <summary>Gets how many runs to hand back at most.</summary>
    /// <value>The default is <see cref="DefaultLimit"/>.</value>
    public int Limit { get; init; } = DefaultLimit;
}
