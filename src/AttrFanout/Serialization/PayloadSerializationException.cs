namespace AttrFanout;

/// <summary>
/// A payload could not be turned into bytes or back: the stored JSON is invalid, misses required members or no longer
/// matches the payload type, a value has no JSON form (NaN, an infinity), the object graph has a cycle or is too deep, or
/// the event has no serializer. Fails the run that needed the payload, never the worker.
/// </summary>
public sealed class PayloadSerializationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="eventName">The event whose payload failed.</param>
    /// <param name="payloadType">The payload type.</param>
    /// <param name="problem">What was wrong, e.g. the JSON reader's error.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public PayloadSerializationException(string eventName, Type payloadType, string problem, Exception? innerException = null)
        : this(eventName, payloadType, problem, memberPath: null, innerException)
    {
    }

    /// <summary>Creates the exception for a failure at one member of the payload.</summary>
    /// <param name="eventName">The event whose payload failed.</param>
    /// <param name="payloadType">The payload type.</param>
    /// <param name="problem">What was wrong, e.g. the JSON writer's error.</param>
    /// <param name="memberPath">The JSON path of the member that failed, e.g. <c>$.Lines[1].Price</c>, or null when unknown.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    internal PayloadSerializationException(string eventName, Type payloadType, string problem, string? memberPath, Exception? innerException)
        : base(Describe(eventName, payloadType, problem, memberPath), innerException)
    {
        EventName = eventName;
        PayloadType = payloadType;
        MemberPath = memberPath;
    }

    /// <summary>Gets the event whose payload failed.</summary>
    public string EventName { get; }

    /// <summary>Gets the payload type.</summary>
    public Type PayloadType { get; }

    /// <summary>Gets the JSON path of the member that failed, e.g. <c>$.Lines[1].Price</c>.</summary>
    /// <value>Null when the failure is not at one member, e.g. the event has no serializer or the JSON is empty.</value>
    public string? MemberPath { get; }

    private static string Describe(string eventName, Type payloadType, string problem, string? memberPath) =>
        memberPath is null or "$"
            ? $"The payload of event '{eventName}' ({payloadType.FullName}) cannot be serialized or deserialized: {problem}"
            : $"The payload of event '{eventName}' ({payloadType.FullName}) cannot be serialized or deserialized at '{memberPath}': {problem}";
}
