namespace AttrFanout;

/// <summary>
/// Implemented by the generator on every type marked with <see cref="EventAttribute"/>:
/// gives the runtime the event name of a payload type without reflection.
/// </summary>
public interface IEventPayload
{
    /// <summary>Gets the name of the event this payload type belongs to.</summary>
    static abstract string EventName { get; }
}
