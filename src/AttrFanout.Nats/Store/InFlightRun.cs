using AttrFanout.Nats.Wire;

namespace AttrFanout.Nats.Store;

/// <summary>A run handed to the engine, waiting for its outcome.</summary>
internal sealed record InFlightRun(string FunctionId, string RunId, BufferedMessage Buffered, WireEvent Event);
