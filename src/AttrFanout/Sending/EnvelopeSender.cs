using AttrFanout.Engine;

namespace AttrFanout.Sending;

/// <summary>Sends envelopes of declared events through the same acceptor as typed sends.</summary>
internal sealed class EnvelopeSender(FunctionCatalog catalog, EventAcceptor acceptor, FanoutEngine engine, AttrFanoutOptions settings) : IEnvelopeSender
{
    public ValueTask<SendResult> SendAsync(EventEnvelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (!catalog.TryGetEvent(envelope.Name, out var declared) || declared.PayloadType != envelope.Payload.GetType())
        {
            throw new ArgumentException($"The event '{envelope.Name}' is not declared in this app with a payload of type '{envelope.Payload.GetType().FullName}'. Build the envelope with the EventDescriptor from FunctionCatalog.TryGetEvent.", nameof(envelope));
        }

        if (!EventIds.IsValid(envelope.Id))
        {
            throw new InvalidEventIdException(envelope.Id);
        }

        if (settings.ThrowOnNoSubscribers && !catalog.IsListenedTo(envelope.Name))
        {
            throw new EventNotSubscribedException(envelope.Name);
        }

        engine.Start();
        return acceptor.AcceptAsync(envelope, idChosenBySender: true, cancellationToken);
    }
}
