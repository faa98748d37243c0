namespace AttrFanout;

/// <summary>An event as the runtime carries it: identity, name, time and payload.</summary>
public abstract class EventEnvelope
{
    private protected EventEnvelope(string id, string name, DateTimeOffset timestamp)
    {
        Id = id;
        Name = name;
        Timestamp = timestamp;
    }

    /// <summary>Gets the event's Id: the one given in <see cref="SendOptions.Id"/>, or a generated one.</summary>
    public string Id { get; }

    /// <summary>Gets the event name, e.g. <c>user/signup</c>.</summary>
    public string Name { get; }

    /// <summary>Gets when the event was accepted.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets the payload, untyped.</summary>
    public object Payload => PayloadCore;

    private protected abstract object PayloadCore { get; }
}
