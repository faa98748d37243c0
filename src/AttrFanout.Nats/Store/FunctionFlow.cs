using AttrFanout.FlowControl;
using AttrFanout.Nats.Consuming;
using AttrFanout.Nats.Wire;

namespace AttrFanout.Nats.Store;

/// <summary>
/// What the store does for a function with flow-control rules at delivery: the header names of its keys and of its
/// idempotent exclusions, worked out once, and, when it has a priority, the order in which its held runs are taken.
/// Functions without rules have none, and pay nothing.
/// </summary>
internal sealed class FunctionFlow
{
    private readonly Func<DeliveredMessage, long>? _rank;

    public FunctionFlow(string functionId, FunctionFlowControl rules)
    {
        KeysHeader = RunHeaders.KeysOf(functionId);
        IdempotentHeader = RunHeaders.IdempotentOf(functionId);
        _rank = rules.Priority is null ? null : Rank;
    }

    public string KeysHeader { get; }

    public string IdempotentHeader { get; }

    /// <summary>Gets the order of a prioritized function's runs (lowest first), or <see langword="null"/> for stream order.</summary>
    public Func<DeliveredMessage, long>? Ranking => _rank;

    /// <summary>Reads the run's keys as the message carries them (text and decoded), or nothing.</summary>
    public (string? Text, RunKeys? Keys) ReadKeys(DeliveredMessage message)
    {
        if (HeaderText.Get(message.Headers, KeysHeader) is not { } text)
        {
            return (null, null);
        }

        try
        {
            return (text, RunKeys.Decode(text));
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    /// <summary>A run's place: its due time (when the server stored its message) less its priority in seconds.</summary>
    private long Rank(DeliveredMessage message) =>
        message.Rank ??= message.StoredAt.UtcTicks - ((ReadKeys(message).Keys?.Priority ?? 0) * TimeSpan.TicksPerSecond);
}
