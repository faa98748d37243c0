using AttrFanout.FlowControl;

namespace AttrFanout.Triggers;

/// <summary>A function's debounce, as the generator emits it from <see cref="DebounceAttribute"/>.</summary>
/// <param name="Period">How long a burst must stay quiet before its last event runs.</param>
public sealed record DebounceRule(TimeSpan Period)
{
    /// <summary>Gets the longest hold from a burst's first event, or <see langword="null"/> for none.</summary>
    public TimeSpan? MaxWait { get; init; }

    /// <summary>Gets the key bursts are told apart by, or <see langword="null"/> for one burst over all the function's events.</summary>
    public PayloadKey? Key { get; init; }
}
