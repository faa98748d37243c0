using AttrFanout.FlowControl;

namespace AttrFanout.Triggers;

/// <summary>A function's batching, as the generator emits it from <see cref="BatchAttribute"/>.</summary>
/// <param name="MaxSize">The most events in one batch.</param>
/// <param name="Timeout">How long a batch waits to fill, from its first event.</param>
public sealed record BatchRule(int MaxSize, TimeSpan Timeout)
{
    /// <summary>The most payload bytes in one batch when <see cref="BatchAttribute.MaxBytes"/> is not set: 256 KiB.</summary>
    public const int DefaultMaxBytes = 256 * 1024;

    /// <summary>Gets the most payload bytes in one batch.</summary>
    public int MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>Gets the key batches are formed per, or <see langword="null"/> for one batch at a time over all the function's events.</summary>
    public PayloadKey? Key { get; init; }
}
