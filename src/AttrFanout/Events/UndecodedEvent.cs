namespace AttrFanout;

/// <summary>The identity of an event whose payload could not be decoded; its payload is never read, since the engine fails such a run without executing it.</summary>
internal sealed class UndecodedEvent(string id, string name, DateTimeOffset timestamp, Exception cause) : EventEnvelope(id, name, timestamp)
{
    private protected override object PayloadCore =>
        throw new InvalidOperationException($"The payload of event '{Id}' ('{Name}') could not be decoded: {cause.Message}", cause);
}
