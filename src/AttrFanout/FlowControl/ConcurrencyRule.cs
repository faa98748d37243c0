namespace AttrFanout.FlowControl;

/// <summary>At most <see cref="Limit"/> attempts executing at once, across every process sharing the store.</summary>
/// <param name="Limit">The most attempts executing at once per key (or per scope).</param>
public sealed record ConcurrencyRule(int Limit)
{
    /// <summary>Gets the key the limit applies per, or <see langword="null"/> for one limit over all the function's runs.</summary>
    public PayloadKey? Key { get; init; }

    /// <summary>
    /// Gets the name of a limit shared by every function naming it, or <see langword="null"/> for a limit of this function only.
    /// </summary>
    public string? Scope { get; init; }
}
