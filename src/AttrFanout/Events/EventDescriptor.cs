using System.Text.Json.Serialization.Metadata;

namespace AttrFanout;

/// <summary>One event as the generated code declares it: its name, payload type and payload serialization.</summary>
public abstract class EventDescriptor
{
    private protected EventDescriptor(string name) => Name = name;

    /// <summary>Gets the event name.</summary>
    public string Name { get; }

    /// <summary>Gets the payload type.</summary>
    public abstract Type PayloadType { get; }

    /// <summary>Gets whether the event can serialize its payload, i.e. it was created with a JSON metadata resolver.</summary>
    public abstract bool CanSerializePayload { get; }

    /// <summary>Serializes a payload of this event to UTF-8 JSON, for stores that do not know its type.</summary>
    /// <param name="payload">The payload; must be of <see cref="PayloadType"/>.</param>
    /// <returns>The UTF-8 JSON.</returns>
    /// <exception cref="ArgumentException"><paramref name="payload"/> is not of <see cref="PayloadType"/>.</exception>
    /// <exception cref="PayloadSerializationException">The event has no serializer, or the payload cannot be serialized.</exception>
    public abstract byte[] SerializePayload(object payload);

    /// <summary>Returns how many bytes <see cref="SerializePayload"/> would write, without keeping them.</summary>
    internal abstract long MeasurePayload(object payload);

    /// <summary>Rebuilds a stored event from its Id, timestamp and UTF-8 JSON payload.</summary>
    /// <param name="id">The event Id.</param>
    /// <param name="timestamp">When the event was accepted.</param>
    /// <param name="payload">The payload as <see cref="SerializePayload"/> wrote it.</param>
    /// <returns>An <see cref="Event{TPayload}"/> of this event's payload type.</returns>
    /// <exception cref="PayloadSerializationException">The payload is not valid JSON for <see cref="PayloadType"/>, or the event has no serializer.</exception>
    public abstract EventEnvelope DeserializeEnvelope(string id, DateTimeOffset timestamp, ReadOnlySpan<byte> payload);
}

/// <summary>An event whose payload type is <typeparamref name="TPayload"/>.</summary>
/// <typeparam name="TPayload">The payload type.</typeparam>
public sealed class EventDescriptor<TPayload> : EventDescriptor
    where TPayload : notnull
{
    private readonly PayloadSerializer<TPayload>? _serializer;

    /// <summary>Creates a descriptor without payload serialization, e.g. for an event registered by hand and only sent in memory.</summary>
    /// <param name="name">The event name.</param>
    public EventDescriptor(string name)
        : base(name)
    {
    }

    /// <summary>Creates a descriptor whose payloads are serialized with the JSON metadata of <paramref name="resolver"/>; the generator emits one per <see cref="EventAttribute"/>.</summary>
    /// <param name="name">The event name.</param>
    /// <param name="resolver">
    /// Gives the JSON metadata of <typeparamref name="TPayload"/>: the generated resolver, or a <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>
    /// (whose own options are then used).
    /// </param>
    public EventDescriptor(string name, IJsonTypeInfoResolver resolver)
        : this(name, resolver, namingPolicy: null)
    {
    }

    /// <summary>Creates a descriptor whose payloads are serialized with the JSON metadata of <paramref name="resolver"/>, member names converted by <paramref name="namingPolicy"/>.</summary>
    /// <param name="name">The event name.</param>
    /// <param name="resolver">Gives the JSON metadata of <typeparamref name="TPayload"/>; a <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> brings its own options and naming.</param>
    /// <param name="namingPolicy">
    /// The naming policy of member names without <c>[JsonPropertyName]</c>, e.g. <see cref="System.Text.Json.JsonNamingPolicy.CamelCase"/>;
    /// the generator passes the one from <see cref="EventAttribute.JsonNaming"/>.
    /// </param>
    public EventDescriptor(string name, IJsonTypeInfoResolver resolver, System.Text.Json.JsonNamingPolicy? namingPolicy)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _serializer = new PayloadSerializer<TPayload>(name, resolver, namingPolicy);
    }

    private EventDescriptor(PayloadSerializer<TPayload>? serializer, string name)
        : base(name) => _serializer = serializer;

    /// <inheritdoc />
    public override Type PayloadType => typeof(TPayload);

    /// <summary>Gets the same payload and serialization under another event name (the event of a debounce).</summary>
    internal EventDescriptor<TPayload> Renamed(string name) => new(_serializer, name);

    /// <inheritdoc />
    public override bool CanSerializePayload => _serializer is not null;

    /// <summary>Serializes a payload to UTF-8 JSON.</summary>
    /// <param name="payload">The payload.</param>
    /// <returns>The UTF-8 JSON.</returns>
    /// <exception cref="PayloadSerializationException">The event has no serializer, or the payload cannot be serialized.</exception>
    public byte[] Serialize(TPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return Serializer().Serialize(payload);
    }

    /// <summary>Deserializes a payload from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The UTF-8 JSON, as <see cref="Serialize"/> wrote it.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="PayloadSerializationException">The JSON is invalid, misses required members, is <c>null</c>, or the event has no serializer.</exception>
    public TPayload Deserialize(ReadOnlySpan<byte> utf8Json) => Serializer().Deserialize(utf8Json);

    /// <inheritdoc />
    public override byte[] SerializePayload(object payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload is not TPayload typed)
        {
            throw new ArgumentException($"The event '{Name}' carries '{typeof(TPayload).FullName}', not '{payload.GetType().FullName}'.", nameof(payload));
        }

        return Serialize(typed);
    }

    /// <inheritdoc />
    internal override long MeasurePayload(object payload) =>
        payload is TPayload typed ? Serializer().Measure(typed) : SerializePayload(payload).Length;

    /// <inheritdoc />
    public override EventEnvelope DeserializeEnvelope(string id, DateTimeOffset timestamp, ReadOnlySpan<byte> payload) =>
        new Event<TPayload>(id, Name, timestamp, Deserialize(payload));

    private PayloadSerializer<TPayload> Serializer() =>
        _serializer ?? throw new PayloadSerializationException(
            Name,
            typeof(TPayload),
            "the event was registered without a JSON metadata resolver; create its EventDescriptor with an IJsonTypeInfoResolver, " +
            "or declare it with [Event] (add JsonContext = typeof(YourJsonSerializerContext) if the generator cannot handle the payload type).");
}
