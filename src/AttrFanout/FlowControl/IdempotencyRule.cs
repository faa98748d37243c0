namespace AttrFanout.FlowControl;

/// <summary>
/// One run of the function per key per <see cref="Period"/>, whatever the event's Id: a later event with the same key
/// starts no run, and its send names the first run. Independent of the send-level <see cref="SendOptions.Id"/>.
/// </summary>
/// <param name="Key">The key.</param>
public sealed record IdempotencyRule(PayloadKey Key)
{
    /// <summary>Gets how long a key keeps later runs out.</summary>
    /// <value>The default is 24 hours.</value>
    public TimeSpan Period { get; init; } = TimeSpan.FromHours(24);
}
