using AttrFanout.Stores;

namespace AttrFanout.Sqlite;

/// <summary>A run leased to one owner until <see cref="LeaseUntil"/>, with everything needed to execute it.</summary>
/// <param name="RunId">The run's Id.</param>
/// <param name="FunctionId">The function to execute.</param>
/// <param name="Attempt">The attempt this lease is for, starting at 1.</param>
/// <param name="MaxAttempts">How many attempts the function gets.</param>
/// <param name="LeaseUntil">When the lease expires unless renewed; after it another owner may lease the run.</param>
/// <param name="AttemptLeases">
/// How many times this attempt has been leased, this lease included. Above 1, earlier owners lost their lease without
/// recording an outcome (a crash, or a run longer than its lease): the engine may count it against the attempts.
/// </param>
/// <param name="EventId">The event's Id.</param>
/// <param name="EventName">The event's name.</param>
/// <param name="EventTimestamp">When the event was sent.</param>
/// <param name="Payload">The payload exactly as accepted.</param>
/// <param name="Trace">The trace context of the send, or <see langword="null"/>.</param>
/// <param name="CreatedAt">When the run was created.</param>
/// <param name="ReplayOf">The failed run this run replays, or <see langword="null"/>.</param>
internal sealed record LeasedRun(
    string RunId,
    string FunctionId,
    int Attempt,
    int MaxAttempts,
    DateTimeOffset LeaseUntil,
    int AttemptLeases,
    string EventId,
    string EventName,
    DateTimeOffset EventTimestamp,
    byte[] Payload,
    PropagatedContext? Trace = null,
    DateTimeOffset CreatedAt = default,
    string? ReplayOf = null)
{
    /// <summary>Gets the run's flow-control keys as accepted (<see cref="FlowControl.RunKeys.Encode"/>), or <see langword="null"/>.</summary>
    public string? Keys { get; init; }
}
