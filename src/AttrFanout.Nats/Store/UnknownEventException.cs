namespace AttrFanout.Nats.Store;

/// <summary>A message names an event that no <c>[Event]</c> of this app declares.</summary>
internal sealed class UnknownEventException(string eventName)
    : Exception($"The event '{eventName}' is not declared in this app (no [Event(\"{eventName}\")] type), so its payload cannot be read.")
{
    public string EventName { get; } = eventName;
}
