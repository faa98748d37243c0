namespace AttrFanout.Stores.InMemory;

/// <summary>A run as the in-memory store keeps it: its latest snapshot and what a delivery needs.</summary>
internal sealed class InMemoryRun(FunctionRun snapshot, EventEnvelope @event, string? traceParent)
{
    public FunctionRun Snapshot { get; set; } = snapshot;

    public EventEnvelope Event { get; } = @event;

    public string? TraceParent { get; } = traceParent;

    public RunDelivery ToDelivery(DateTimeOffset dueAt) =>
        new(Snapshot.RunId, Snapshot.FunctionId, Event, Snapshot.Attempts, dueAt, TraceParent) { CreatedAt = Snapshot.CreatedAt, ReplayOf = Snapshot.ReplayOf };
}
