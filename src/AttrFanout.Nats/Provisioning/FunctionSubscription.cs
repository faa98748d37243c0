namespace AttrFanout.Nats.Provisioning;

/// <summary>What the server needs to know about one function to deliver its runs.</summary>
/// <param name="FunctionId">The function's Id.</param>
/// <param name="EventName">The event it subscribes to; its first trigger's, for a function with several.</param>
/// <param name="Attempts">How many attempts a run gets (retries + 1).</param>
/// <param name="AckWait">How long a delivered run may go without an ack or in-progress ack before it is redelivered.</param>
internal sealed record FunctionSubscription(string FunctionId, string EventName, int Attempts, TimeSpan AckWait)
{
    /// <summary>Gets the events of the function's triggers, <see cref="EventName"/> first; one consumer takes each.</summary>
    public IReadOnlyList<string> TriggerEvents { get; init; } = [EventName];

    /// <summary>Gets the names of the consumers of the function's triggers, in <see cref="TriggerEvents"/> order.</summary>
    public IEnumerable<string> TriggerConsumers => TriggerEvents.Select((eventName, index) => ConsumerNames.Trigger(FunctionId, eventName, index));
}
