using AttrFanout.Engine;

namespace AttrFanout.Sending;

/// <summary>Validates what the app sends, starts the engine on the first send when no host did, and has the event accepted.</summary>
internal sealed class EventSender(FunctionCatalog catalog, EventAcceptor acceptor, FanoutEngine engine, TimeProvider time, AttrFanoutOptions settings) : IEventSender
{
    public ValueTask<SendResult> SendAsync<TPayload>(TPayload payload, SendOptions? options = null, CancellationToken cancellationToken = default)
        where TPayload : notnull, IEventPayload
    {
        if (payload is null)
        {
            throw new ArgumentNullException(nameof(payload), $"Pass the payload of the event '{TPayload.EventName}' to send; it cannot be null.");
        }

        var id = options?.Id;
        if (id is not null && !EventIds.IsValid(id))
        {
            throw new InvalidEventIdException(id);
        }

        if (settings.ThrowOnNoSubscribers && !catalog.IsListenedTo(TPayload.EventName))
        {
            throw new EventNotSubscribedException(TPayload.EventName);
        }

        engine.Start();
        return acceptor.AcceptAsync(new Event<TPayload>(id ?? EventIds.New(), TPayload.EventName, time.GetUtcNow(), payload), idChosenBySender: id is not null, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<SendResult>> SendManyAsync<TPayload>(IEnumerable<TPayload> payloads, Func<TPayload, string?>? idSelector = null, CancellationToken cancellationToken = default)
        where TPayload : notnull, IEventPayload
    {
        ArgumentNullException.ThrowIfNull(payloads);
        var results = new List<SendResult>();
        foreach (var payload in payloads)
        {
            var sendOptions = idSelector?.Invoke(payload) is { } id ? new SendOptions { Id = id } : null;
            results.Add(await SendAsync(payload, sendOptions, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }
}
