namespace AttrFanout.Nats.Store;

/// <summary>A function's delivery is not a valid AttrFanout event message (no event Id, no time, a subject that names no event).</summary>
internal sealed class InvalidMessageException(string message) : Exception(message);
