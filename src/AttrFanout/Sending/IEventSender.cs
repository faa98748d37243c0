namespace AttrFanout;

/// <summary>Sends events: one send starts a run of every function subscribed to the event.</summary>
public interface IEventSender
{
    /// <summary>Sends one event; every function subscribed to it gets its own run.</summary>
    /// <typeparam name="TPayload">A payload type declared with <see cref="EventAttribute"/>.</typeparam>
    /// <param name="payload">The event's payload.</param>
    /// <param name="options">Options for this send, such as the event's Id.</param>
    /// <param name="cancellationToken">Cancels waiting for the event to be accepted.</param>
    /// <returns>The event's Id and its runs, once the event is accepted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidEventIdException"><see cref="SendOptions.Id"/> is not a valid Id.</exception>
    /// <exception cref="EventNotSubscribedException">No function subscribes and <see cref="AttrFanoutOptions.ThrowOnNoSubscribers"/> is set.</exception>
    ValueTask<SendResult> SendAsync<TPayload>(TPayload payload, SendOptions? options = null, CancellationToken cancellationToken = default)
        where TPayload : notnull, IEventPayload;

    /// <summary>Sends several events of one type, in order; each is accepted as by <see cref="SendAsync{TPayload}"/>.</summary>
    /// <typeparam name="TPayload">A payload type declared with <see cref="EventAttribute"/>.</typeparam>
    /// <param name="payloads">The events' payloads.</param>
    /// <param name="idSelector">Gives each event's Id, for deduplication; <see langword="null"/> (or a <see langword="null"/> result) generates one.</param>
    /// <param name="cancellationToken">Cancels waiting for the events to be accepted.</param>
    /// <returns>One result per payload, in order.</returns>
    ValueTask<IReadOnlyList<SendResult>> SendManyAsync<TPayload>(IEnumerable<TPayload> payloads, Func<TPayload, string?>? idSelector = null, CancellationToken cancellationToken = default)
        where TPayload : notnull, IEventPayload;
}
