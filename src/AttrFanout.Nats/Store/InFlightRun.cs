using AttrFanout.Nats.Consuming;
using AttrFanout.Nats.Wire;

namespace AttrFanout.Nats.Store;

/// <summary>A run handed to the engine, waiting for its outcome.</summary>
/// <param name="FunctionId">The function.</param>
/// <param name="RunId">The run.</param>
/// <param name="Message">The delivery the outcome acknowledges.</param>
/// <param name="Event">The event as read from the message.</param>
/// <param name="ProgressInterval">How long (timestamp units) the delivery may go without an in-progress ack while it runs.</param>
internal sealed record InFlightRun(string FunctionId, string RunId, DeliveredMessage Message, WireEvent Event, long ProgressInterval);
