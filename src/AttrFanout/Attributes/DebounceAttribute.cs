namespace AttrFanout;

/// <summary>
/// Runs the function once per burst of events (per <see cref="Key"/>), with the last event of the burst:
/// <see cref="PeriodSeconds"/> after the last event arrived, or <see cref="MaxWaitSeconds"/> after the first at the latest.
/// An event older than the one held is ignored. The held event survives a crash of the process holding it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DebounceAttribute : Attribute
{
    /// <summary>Gets or sets how long, in seconds, the burst must stay quiet before the run starts: 1 second to 7 days.</summary>
    public int PeriodSeconds { get; set; }

    /// <summary>Gets or sets the longest wait, in seconds from the burst's first event, before the run starts anyway.</summary>
    /// <value>When not set, a burst may be held as long as events keep coming.</value>
    public int MaxWaitSeconds { get; set; } = -1;

    /// <summary>Gets or sets the key bursts are told apart by (see <see cref="ConcurrencyAttribute.Key"/>).</summary>
    /// <value>When not set, every event of the function belongs to one burst.</value>
    public string? Key { get; set; }
}
