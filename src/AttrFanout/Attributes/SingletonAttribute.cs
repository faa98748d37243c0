namespace AttrFanout;

/// <summary>
/// Keeps at most one run of the function active per key, across every process sharing the store; <see cref="Mode"/> says
/// whether a new run is skipped or replaces the active one.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SingletonAttribute : Attribute
{
    /// <summary>Gets or sets the key (see <see cref="ConcurrencyAttribute.Key"/>); when not set, one active run of the function.</summary>
    public string? Key { get; set; }

    /// <summary>Gets or sets what happens to a new run while one of its key is active.</summary>
    /// <value>The default is <see cref="SingletonMode.Skip"/>.</value>
    public SingletonMode Mode { get; set; } = SingletonMode.Skip;
}
