namespace AttrFanout.Sqlite;

/// <summary>A run to create for a subscribed function.</summary>
/// <param name="FunctionId">The function's Id.</param>
/// <param name="MaxAttempts">How many attempts the function gets (retries + 1); kept for the record.</param>
/// <param name="RunId">The run's Id; <see langword="null"/> names it by the one rule (<c>{event seq}-{function Id}</c>, <see cref="Stores.RunIds"/>).</param>
/// <param name="LeaseOwner">Stores the run already leased to this owner; <see langword="null"/> stores it pending.</param>
internal readonly record struct RunToCreate(string FunctionId, int MaxAttempts, string? RunId = null, string? LeaseOwner = null)
{
    /// <summary>Gets the run's flow-control keys as <see cref="FlowControl.RunKeys.Encode"/> wrote them, or <see langword="null"/>.</summary>
    public string? Keys { get; init; }

    /// <summary>Gets the run's priority in seconds: its due runs are taken in the order of <c>due time - priority</c>.</summary>
    public int Priority { get; init; }

    /// <summary>Gets the function's idempotency key for the event, or <see langword="null"/> for none.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Gets until when <see cref="IdempotencyKey"/> keeps later runs of the function out.</summary>
    public DateTimeOffset IdempotentUntil { get; init; }
}
