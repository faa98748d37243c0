namespace AttrFanout;

/// <summary>
/// Spreads the function's run starts to at most <see cref="Limit"/> per <see cref="PeriodSeconds"/> (GCRA), across every
/// process sharing the store; runs over the limit wait for their turn, nothing is dropped.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ThrottleAttribute : Attribute
{
    /// <summary>Creates the throttle.</summary>
    /// <param name="limit">The starts allowed per period, at least 1.</param>
    public ThrottleAttribute(int limit) => Limit = limit;

    /// <summary>Gets the starts allowed per period.</summary>
    public int Limit { get; }

    /// <summary>Gets or sets the period in seconds, from 1 second to 7 days.</summary>
    /// <value>The default is 60.</value>
    public int PeriodSeconds { get; set; } = 60;

    /// <summary>Gets or sets how many starts may happen at once above the even spread.</summary>
    /// <value>The default is 1.</value>
    public int Burst { get; set; } = 1;

    /// <summary>Gets or sets the key the throttle applies per (see <see cref="ConcurrencyAttribute.Key"/>).</summary>
    public string? Key { get; set; }
}
