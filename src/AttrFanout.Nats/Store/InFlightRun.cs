using AttrFanout.Nats.Consuming;
using AttrFanout.Nats.Wire;

namespace AttrFanout.Nats.Store;

/// <summary>A run handed to the engine, waiting for its outcome.</summary>
/// <param name="FunctionId">The function.</param>
/// <param name="RunId">The run.</param>
/// <param name="Message">The delivery the outcome acknowledges.</param>
/// <param name="Event">The event as read from the message (for an undecodable one: what its headers and subject say).</param>
/// <param name="ProgressInterval">How long (timestamp units) the delivery may go without an in-progress ack while it runs.</param>
/// <param name="Undecodable">Whether the delivery was handed over poisoned: its event is only what could be read of it.</param>
/// <param name="Keys">The run's flow-control keys as the message carried them, or <see langword="null"/>.</param>
/// <param name="History">The run's earlier attempts as the message carried them (<see cref="AttemptHistoryHeader"/>), or <see langword="null"/> for none.</param>
/// <param name="AttemptsMade">The attempts finished before this delivery (a replay's carried ones included).</param>
internal sealed record InFlightRun(
    string FunctionId,
    string RunId,
    DeliveredMessage Message,
    WireEvent Event,
    long ProgressInterval,
    bool Undecodable = false,
    string? Keys = null,
    IReadOnlyList<RunAttempt>? History = null,
    int AttemptsMade = 0)
{
    /// <summary>The attempts kept with <paramref name="attempt"/> added, encoded for the run's next stop; <see langword="null"/> for none.</summary>
    public string? HistoryWith(RunAttempt? attempt) => AttemptHistoryHeader.Encode(AttemptHistoryHeader.Append(History ?? [], attempt));
}
