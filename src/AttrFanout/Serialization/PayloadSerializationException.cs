namespace AttrFanout;

/// <summary>
/// A payload could not be turned into bytes or back: the stored JSON is invalid, misses required members or no longer
/// matches the payload type, or the event has no serializer. Fails the run that needed the payload, never the worker.
/// </summary>
public sealed class PayloadSerializationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="eventName">The event whose payload failed.</param>
    /// <param name="payloadType">The payload type.</param>
    /// <param name="problem">What was wrong, e.g. the JSON reader's error.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public PayloadSerializationException(string eventName, Type payloadType, string problem, Exception? innerException = null)
        : base($"The payload of event '{eventName}' ({payloadType.FullName}) cannot be serialized or deserialized: {problem}", innerException)
    {
        EventName = eventName;
        PayloadType = payloadType;
    }

    /// <summary>Gets the event whose payload failed.</summary>
    public string EventName { get; }

    /// <summary>Gets the payload type.</summary>
    public Type PayloadType { get; }
}
