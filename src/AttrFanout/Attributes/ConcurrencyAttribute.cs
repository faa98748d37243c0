namespace AttrFanout;

/// <summary>
/// Limits how many attempts of the function execute at once across every process sharing the store: per key, per
/// named scope shared with other functions, or over all the function's runs. A run waiting for its retry holds no slot.
/// At most two per function.
/// </summary>
/// <remarks>Runs over the limit wait (nothing is dropped) and start as slots free up.</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ConcurrencyAttribute : Attribute
{
    /// <summary>Creates the limit.</summary>
    /// <param name="limit">The most attempts executing at once, at least 1.</param>
    public ConcurrencyAttribute(int limit) => Limit = limit;

    /// <summary>Gets the most attempts executing at once.</summary>
    public int Limit { get; }

    /// <summary>
    /// Gets or sets the key the limit applies per: a member path over the payload (<c>nameof(OrderPlaced.AccountId)</c>,
    /// <c>"Account.Id"</c>) or the name of a static method of the function's class taking the payload and returning the key.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>
    /// Gets or sets the name of a limit shared by every function that names it (every one must give the same limit);
    /// when not set, the limit is the function's own.
    /// </summary>
    public string? Scope { get; set; }
}
