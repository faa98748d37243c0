namespace AttrFanout;

/// <summary>An event this process has accepted, as <see cref="IEventObserver"/> is told of it.</summary>
/// <param name="EventId">The event's Id.</param>
/// <param name="EventName">The event's name.</param>
/// <param name="RunIds">The Ids of the event's runs, one per subscribed function.</param>
/// <param name="IsDuplicate">Whether the event had been accepted before under the same Id, so no run was started.</param>
/// <param name="SentByRunId">
/// The run that sent the event: the run whose attempt called <see cref="IEventSender"/>, or, for
/// <c>attrfanout/function.failed</c>, the run that failed; <see langword="null"/> for an event sent from outside any run.
/// </param>
public sealed record ObservedEvent(string EventId, string EventName, IReadOnlyList<string> RunIds, bool IsDuplicate, string? SentByRunId);
