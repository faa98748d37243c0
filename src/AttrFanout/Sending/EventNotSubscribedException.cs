namespace AttrFanout;

/// <summary>
/// Thrown by a send when no function subscribes to the event and <see cref="AttrFanoutOptions.ThrowOnNoSubscribers"/> is set.
/// </summary>
public sealed class EventNotSubscribedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="eventName">The event no function subscribes to.</param>
    public EventNotSubscribedException(string eventName)
        : base($"No function subscribes to event '{eventName}', so sending it would start no run. Add a method with [OnEvent(\"{eventName}\")], reference the project that has one, or set AttrFanoutOptions.ThrowOnNoSubscribers to false to accept such events.")
        => EventName = eventName;

    /// <summary>Gets the event name.</summary>
    public string EventName { get; }
}
