namespace AttrFanout.Dashboard.Events;

/// <summary>One event of a request as sent, before validation: <c>{ "name", "data", "id", "ts" }</c>.</summary>
internal sealed record IncomingEvent(int Index, string Name, ReadOnlyMemory<byte> Data, string? Id, DateTimeOffset? Timestamp);
