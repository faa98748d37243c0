using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Wire;
using NATS.Client.Core;

namespace AttrFanout.Nats.Publishing;

/// <summary>
/// Publishes events once to the subject their route names, events the intake routes to their routed subject, and replays
/// to a function's replay subject; the server acknowledges each.
/// </summary>
internal sealed class EventPublisher(JetStreamPublisher publisher, SubjectLayout subjects, EventRoutes routes)
{
    public ValueTask<PublishOutcome> PublishAsync(WireEvent wireEvent, CancellationToken cancellationToken) =>
        PublishAsync(routes.SubjectOf(wireEvent.Name), wireEvent.Payload, WireEventWriter.EventHeaders(wireEvent), cancellationToken);

    /// <summary>
    /// Publishes the message the intake read at <paramref name="ingressSequence"/> to the routed subject of
    /// <paramref name="eventName"/>, with its body and headers; its message Id comes from the sequence, so publishing it
    /// again after a redelivery to the intake is dropped as a duplicate. <paramref name="ingressStoredAt"/>, when the server
    /// stored that message, is the event's time when the producer gave none.
    /// </summary>
    public ValueTask<PublishOutcome> PublishRoutedAsync(string eventName, ulong ingressSequence, DateTimeOffset ingressStoredAt, ReadOnlyMemory<byte> body, NatsHeaders? headers, CancellationToken cancellationToken) =>
        PublishAsync(subjects.Routed(eventName), body, WireEventWriter.RoutedHeaders(headers, ingressSequence, ingressStoredAt), cancellationToken);

    /// <summary>Publishes a replay of a failed run as the new run <paramref name="runId"/>.</summary>
    public ValueTask<PublishOutcome> PublishReplayAsync(string functionId, WireEvent wireEvent, string runId, string? keys, CancellationToken cancellationToken) =>
        PublishAsync(subjects.Replay(functionId), wireEvent.Payload, WireEventWriter.ReplayHeaders(wireEvent, runId, runId, 0, functionId, keys), cancellationToken);

    /// <summary>
    /// Publishes a run handed back at shutdown, with the attempts it made; <paramref name="handBackId"/> names this
    /// hand-back, so a publish repeated after a lost acknowledgement is dropped as a duplicate; <paramref name="keys"/>, the
    /// run's flow-control keys, go on with it.
    /// </summary>
    public ValueTask<PublishOutcome> PublishHandBackAsync(string functionId, WireEvent wireEvent, string runId, int attemptsMade, string handBackId, string? keys, CancellationToken cancellationToken, string? history = null) =>
        PublishAsync(subjects.Replay(functionId), wireEvent.Payload, WireEventWriter.ReplayHeaders(wireEvent, runId, handBackId, attemptsMade, functionId, keys, history), cancellationToken);

    private ValueTask<PublishOutcome> PublishAsync(string subject, ReadOnlyMemory<byte> payload, NatsHeaders headers, CancellationToken cancellationToken) =>
        publisher.PublishAsync(subject, payload, headers, cancellationToken);
}
