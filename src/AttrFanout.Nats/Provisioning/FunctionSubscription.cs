namespace AttrFanout.Nats.Provisioning;

/// <summary>What the server needs to know about one function to deliver its runs.</summary>
/// <param name="FunctionId">The function's Id.</param>
/// <param name="EventName">The event it subscribes to.</param>
/// <param name="Attempts">How many attempts a run gets (retries + 1).</param>
/// <param name="AckWait">How long a delivered run may go without an ack or in-progress ack before it is redelivered.</param>
internal sealed record FunctionSubscription(string FunctionId, string EventName, int Attempts, TimeSpan AckWait);
