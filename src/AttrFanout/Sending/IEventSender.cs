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
    ValueTask<SendResult> SendAsync<TPayload>(TPayload payload, SendOptions? options = null, CancellationToken cancellationToken = default)
        where TPayload : notnull, IEventPayload;
}
