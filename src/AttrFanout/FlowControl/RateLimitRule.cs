namespace AttrFanout.FlowControl;

/// <summary>
/// At most <see cref="Limit"/> runs started per <see cref="Period"/> (GCRA); runs over the limit are skipped, recorded as
/// <see cref="RunStatus.Skipped"/> with the reason.
/// </summary>
/// <param name="Limit">The runs allowed per period.</param>
/// <param name="Period">The period.</param>
public sealed record RateLimitRule(int Limit, TimeSpan Period)
{
    /// <summary>Gets the key the limit applies per, or <see langword="null"/> for one limit over all the function's runs.</summary>
    public PayloadKey? Key { get; init; }
}
