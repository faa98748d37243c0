namespace AttrFanout.Nats.Store;

/// <summary>A function's delivery is not a valid AttrFanout event message (no event Id, an event time that cannot be read, a subject that names no event).</summary>
internal sealed class InvalidMessageException(string message) : Exception(message);
