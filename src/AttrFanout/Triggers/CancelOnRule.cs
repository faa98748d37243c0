using AttrFanout.FlowControl;

namespace AttrFanout.Triggers;

/// <summary>One of a function's cancelling events, as the generator emits it from <see cref="CancelOnAttribute"/>.</summary>
/// <param name="EventName">The cancelling event's name.</param>
public sealed record CancelOnRule(string EventName)
{
    /// <summary>Gets how long after the run's event the cancelling event is watched for, or <see langword="null"/> while the run is not over.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Gets the match's key over the run's payload (from <see cref="CancelOnAttribute.Match"/>), evaluated at send and kept
    /// with the run in <see cref="RunKeys.CancelMatches"/>; <see langword="null"/> without a <c>Match</c>.
    /// </summary>
    public PayloadKey? RunKey { get; init; }

    /// <summary>Gets the match's key over the cancelling event's payload; a run is cancelled when both keys are equal and not null.</summary>
    public PayloadKey? CancellingKey { get; init; }

    /// <summary>
    /// Gets the condition from <see cref="CancelOnAttribute.If"/>: called with the run's payload and the cancelling event's
    /// payload; <see langword="null"/> without an <c>If</c>.
    /// </summary>
    public Func<object, object, bool>? If { get; init; }
}
