namespace AttrFanout.FlowControl;

/// <summary>At most one active run per key; <see cref="Mode"/> says what happens to a new one.</summary>
/// <param name="Mode">Skip the new run, or cancel the active one.</param>
public sealed record SingletonRule(SingletonMode Mode)
{
    /// <summary>Gets the key, or <see langword="null"/> for one active run of the function at a time.</summary>
    public PayloadKey? Key { get; init; }
}
