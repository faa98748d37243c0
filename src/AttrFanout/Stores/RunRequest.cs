using AttrFanout.FlowControl;

namespace AttrFanout.Stores;

/// <summary>A run to create for an event: its function, and its flow-control keys when it has any. The store names it (<see cref="RunIds"/>).</summary>
/// <param name="FunctionId">The function's Id.</param>
public readonly record struct RunRequest(string FunctionId)
{
    /// <summary>
    /// Gets the run's flow-control keys, evaluated at send, which the store keeps with the run and hands back in
    /// <see cref="RunDelivery.Keys"/>; <see langword="null"/> for a function without flow control. A store orders a
    /// function's due runs by <see cref="RunKeys.Priority"/> (ahead by that many seconds).
    /// </summary>
    public RunKeys? Keys { get; init; }

    /// <summary>
    /// Gets the function's idempotency key for this event (<see cref="IdempotencyAttribute"/>), or <see langword="null"/>
    /// for none. The store creates the run only when no run of the function took the key before
    /// <see cref="IdempotentUntil"/> ran out, atomically with the acceptance; otherwise it creates none and returns the
    /// first run's Id in its place.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Gets until when <see cref="IdempotencyKey"/> keeps later runs of the function out.</summary>
    public DateTimeOffset IdempotentUntil { get; init; }
}
