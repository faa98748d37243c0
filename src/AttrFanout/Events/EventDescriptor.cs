namespace AttrFanout;

/// <summary>One event as the generated code declares it: its name and payload type.</summary>
public abstract class EventDescriptor
{
    private protected EventDescriptor(string name) => Name = name;

    /// <summary>Gets the event name.</summary>
    public string Name { get; }

    /// <summary>Gets the payload type.</summary>
    public abstract Type PayloadType { get; }
}

/// <summary>An event whose payload type is <typeparamref name="TPayload"/>.</summary>
/// <typeparam name="TPayload">The payload type.</typeparam>
public sealed class EventDescriptor<TPayload> : EventDescriptor
    where TPayload : notnull
{
    /// <summary>Creates a descriptor; the generator emits one per <see cref="EventAttribute"/>.</summary>
    /// <param name="name">The event name.</param>
    public EventDescriptor(string name)
        : base(name)
    {
    }

    /// <inheritdoc />
    public override Type PayloadType => typeof(TPayload);
}
