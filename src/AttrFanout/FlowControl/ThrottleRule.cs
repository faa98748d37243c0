namespace AttrFanout.FlowControl;

/// <summary>
/// Spreads run starts to at most <see cref="Limit"/> per <see cref="Period"/> (GCRA), allowing <see cref="Burst"/> at once;
/// runs over the limit wait for their turn, nothing is dropped.
/// </summary>
/// <param name="Limit">The starts allowed per period.</param>
/// <param name="Period">The period.</param>
public sealed record ThrottleRule(int Limit, TimeSpan Period)
{
    /// <summary>Gets how many starts may happen at once above the even spread.</summary>
    /// <value>The default is 1.</value>
    public int Burst { get; init; } = 1;

    /// <summary>Gets the key the throttle applies per, or <see langword="null"/> for one throttle over all the function's runs.</summary>
    public PayloadKey? Key { get; init; }
}
