namespace AttrFanout;

/// <summary>
/// Sends an event known only by its name at run time, already built as an envelope by
/// <see cref="EventDescriptor.DeserializeEnvelope"/>: for senders that receive events as JSON, such as an HTTP endpoint or a
/// command-line tool. Code that knows the payload type uses <see cref="IEventSender"/>.
/// </summary>
public interface IEnvelopeSender
{
    /// <summary>
    /// Sends one event; every function subscribed to it gets its own run. The envelope's <see cref="EventEnvelope.Id"/>
    /// deduplicates as <see cref="SendOptions.Id"/> does, and its <see cref="EventEnvelope.Timestamp"/> is the event's time.
    /// </summary>
    /// <param name="envelope">The event, from the <see cref="EventDescriptor"/> of a declared event.</param>
    /// <param name="cancellationToken">Cancels waiting for the event to be accepted.</param>
    /// <returns>The event's Id and its runs, once the event is accepted.</returns>
    /// <exception cref="ArgumentException">The event is not declared in this app (<see cref="FunctionCatalog.TryGetEvent"/>).</exception>
    /// <exception cref="InvalidEventIdException">The envelope's Id is not a valid event Id.</exception>
    /// <exception cref="PayloadTooLargeException">The payload is over <see cref="AttrFanoutOptions.MaxPayloadBytes"/> once serialized.</exception>
    /// <exception cref="EventNotSubscribedException">No function subscribes and <see cref="AttrFanoutOptions.ThrowOnNoSubscribers"/> is set.</exception>
    ValueTask<SendResult> SendAsync(EventEnvelope envelope, CancellationToken cancellationToken = default);
}
