using AttrFanout.Nats.Consuming;

namespace AttrFanout.Nats.Store;

/// <summary>A fetched message and the heartbeat that keeps its delivery while it waits for, and then runs in, the engine.</summary>
internal sealed record BufferedMessage(DeliveredMessage Message, ProgressHeartbeat Heartbeat);
