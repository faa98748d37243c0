namespace AttrFanout;

/// <summary>
/// Starts at most <see cref="Limit"/> runs of the function per <see cref="PeriodSeconds"/>, across every process sharing
/// the store; runs over the limit are skipped, recorded as <see cref="RunStatus.Skipped"/> with the reason and counted.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RateLimitAttribute : Attribute
{
    /// <summary>Creates the rate limit.</summary>
    /// <param name="limit">The runs allowed per period, at least 1.</param>
    public RateLimitAttribute(int limit) => Limit = limit;

    /// <summary>Gets the runs allowed per period.</summary>
    public int Limit { get; }

    /// <summary>Gets or sets the period in seconds, from 1 second to 7 days.</summary>
    /// <value>The default is 60.</value>
    public int PeriodSeconds { get; set; } = 60;

    /// <summary>Gets or sets the key the limit applies per (see <see cref="ConcurrencyAttribute.Key"/>).</summary>
    public string? Key { get; set; }
}
