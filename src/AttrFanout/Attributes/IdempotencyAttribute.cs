namespace AttrFanout;

/// <summary>
/// Starts one run of the function per key per period (24 hours by default), whatever the event's Id; a later event with
/// the same key starts no run of this function. Independent of the send-level <see cref="SendOptions.Id"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class IdempotencyAttribute : Attribute
{
    /// <summary>Gets or sets the key (see <see cref="ConcurrencyAttribute.Key"/>); required.</summary>
    public string? Key { get; set; }

    /// <summary>Gets or sets how long a key keeps later runs out, in seconds, from 1 second to 7 days.</summary>
    /// <value>The default is 86,400 (24 hours).</value>
    public int PeriodSeconds { get; set; } = 86_400;
}
