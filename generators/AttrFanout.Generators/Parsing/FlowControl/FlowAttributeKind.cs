namespace AttrFanout.Generators.Parsing.FlowControl;

/// <summary>The flow-control attributes; the names are those written in code and shown in messages.</summary>
internal enum FlowAttributeKind
{
    Concurrency,
    Throttle,
    RateLimit,
    Singleton,
    Priority,
    Idempotency,
}
