namespace AttrFanout.FlowControl;

/// <summary>
/// The flow-control rules of one function, as the generator emits them from its attributes
/// (<see cref="ConcurrencyAttribute"/>, <see cref="ThrottleAttribute"/>, <see cref="RateLimitAttribute"/>,
/// <see cref="SingletonAttribute"/>, <see cref="PriorityAttribute"/>, <see cref="IdempotencyAttribute"/>).
/// A function without any has none (<see cref="FunctionDescriptor.FlowControl"/> is <see langword="null"/>) and pays nothing.
/// </summary>
public sealed record FunctionFlowControl
{
    /// <summary>Gets the concurrency limits, at most two.</summary>
    public IReadOnlyList<ConcurrencyRule> Concurrency { get; init; } = [];

    /// <summary>Gets the throttle, or <see langword="null"/> for none.</summary>
    public ThrottleRule? Throttle { get; init; }

    /// <summary>Gets the rate limit, or <see langword="null"/> for none.</summary>
    public RateLimitRule? RateLimit { get; init; }

    /// <summary>Gets the singleton rule, or <see langword="null"/> for none.</summary>
    public SingletonRule? Singleton { get; init; }

    /// <summary>Gets the priority, or <see langword="null"/> for none (every run has priority 0).</summary>
    public PriorityRule? Priority { get; init; }

    /// <summary>Gets the idempotency by key, or <see langword="null"/> for none.</summary>
    public IdempotencyRule? Idempotency { get; init; }

    /// <summary>The largest priority, in seconds, either way; a priority method's result is clamped to it.</summary>
    public const int MaxPrioritySeconds = 600;

    /// <summary>
    /// Evaluates every key of the rules (and the priority) for <paramref name="payload"/>, once, at send. An unkeyed rule's
    /// bucket is the empty string; a keyed rule whose key is <see langword="null"/> leaves the run exempt (null).
    /// </summary>
    /// <param name="payload">The event's payload.</param>
    /// <returns>The keys the store keeps with the run.</returns>
    public RunKeys EvaluateKeys(object payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new RunKeys
        {
            Concurrency = Concurrency.Count > 0 ? Bucket(Concurrency[0].Key, payload) : null,
            SecondConcurrency = Concurrency.Count > 1 ? Bucket(Concurrency[1].Key, payload) : null,
            Throttle = Throttle is null ? null : Bucket(Throttle.Key, payload),
            RateLimit = RateLimit is null ? null : Bucket(RateLimit.Key, payload),
            Singleton = Singleton is null ? null : Bucket(Singleton.Key, payload),
            Priority = Priority is null ? 0 : Math.Clamp(Priority.Evaluate(payload), -MaxPrioritySeconds, MaxPrioritySeconds),
        };
    }

    /// <summary>Evaluates the idempotency key for <paramref name="payload"/>; <see langword="null"/> when there is none.</summary>
    /// <param name="payload">The event's payload.</param>
    public string? EvaluateIdempotencyKey(object payload) => Idempotency?.Key.Evaluate(payload);

    private static string? Bucket(PayloadKey? key, object payload) => key is null ? string.Empty : key.Evaluate(payload);
}
