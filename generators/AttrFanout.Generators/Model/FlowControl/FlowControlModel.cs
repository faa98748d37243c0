namespace AttrFanout.Generators.Model.FlowControl;

/// <summary>
/// A function's flow-control rules as resolved at build time; null on a <see cref="FunctionModel"/> without any, so those
/// functions keep their model and output unchanged.
/// </summary>
internal sealed record FlowControlModel(
    EquatableArray<ConcurrencyModel> Concurrency,
    ThrottleModel? Throttle,
    RateLimitModel? RateLimit,
    SingletonModel? Singleton,
    PriorityModel? Priority,
    IdempotencyModel? Idempotency)
{
    /// <summary>The named concurrency scopes and their limits, recorded in metadata for referencing projects.</summary>
    public IEnumerable<ConcurrencyModel> Scoped => Concurrency.Where(static c => c.Scope is not null);
}
