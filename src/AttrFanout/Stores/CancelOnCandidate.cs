namespace AttrFanout.Stores;

/// <summary>A run that is not over, which a cancelling event may cancel; the engine decides (<see cref="IFanoutStore.FindCancelOnCandidatesAsync"/>).</summary>
/// <param name="RunId">The run.</param>
/// <param name="EventTimestamp">When the run's event was accepted.</param>
/// <param name="Keys">The run's keys as accepted, with its side of each match in <see cref="FlowControl.RunKeys.CancelMatches"/>.</param>
/// <param name="Event">The run's event with its payload, when <see cref="CancelOnQuery.NeedsEvent"/> asked for it; else <see langword="null"/>.</param>
public readonly record struct CancelOnCandidate(string RunId, DateTimeOffset EventTimestamp, FlowControl.RunKeys? Keys, EventEnvelope? Event);
