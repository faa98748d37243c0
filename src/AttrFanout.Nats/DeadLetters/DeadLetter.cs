namespace AttrFanout.Nats.DeadLetters;

/// <summary>A run that exhausted its attempts, or a message no function could take, as the dead-letter stream keeps it.</summary>
/// <param name="FunctionId">The function, or <see cref="Subjects.SubjectLayout.UnroutableToken"/> for a message no function can take.</param>
/// <param name="RunId">The run's Id.</param>
/// <param name="EventId">The event Id, when the message carried one.</param>
/// <param name="EventName">The event name, when the subject or headers carried a valid one.</param>
/// <param name="EventTime">When the event was accepted, when known.</param>
/// <param name="Payload">The message body, as received.</param>
/// <param name="ErrorType">The full name of the last error's type.</param>
/// <param name="ErrorMessage">The last error's message.</param>
/// <param name="Attempts">The attempts made.</param>
/// <param name="FailedAt">When the run was given up.</param>
/// <param name="SourceSubject">The subject of the message that failed.</param>
/// <param name="SourceSequence">Its sequence in the event stream.</param>
/// <param name="Trace">The trace context of the send, or <see langword="null"/>.</param>
internal sealed record DeadLetter(
    string FunctionId,
    string RunId,
    string? EventId,
    string? EventName,
    DateTimeOffset? EventTime,
    ReadOnlyMemory<byte> Payload,
    string ErrorType,
    string ErrorMessage,
    int Attempts,
    DateTimeOffset FailedAt,
    string SourceSubject,
    ulong SourceSequence,
    AttrFanout.Stores.PropagatedContext? Trace)
{
    /// <summary>Gets the dead letter's sequence in the dead-letter stream, once stored.</summary>
    public ulong Sequence { get; init; }

    /// <summary>Gets the Id of the run that replays this one, once replayed.</summary>
    public string? ReplayedBy { get; init; }

    /// <summary>Gets how the run ended: <see cref="RunStatus.Failed"/>, or <see cref="RunStatus.Skipped"/> / <see cref="RunStatus.Cancelled"/> for runs kept beside the failed ones.</summary>
    public RunStatus Status { get; init; } = RunStatus.Failed;

    /// <summary>Gets why a skipped or cancelled run ended so.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the run's flow-control keys as encoded, which a replay keeps.</summary>
    public string? Keys { get; init; }

    /// <summary>Gets the run's attempts as <see cref="Wire.AttemptHistoryHeader"/> encodes them, or <see langword="null"/> for none.</summary>
    public string? AttemptHistory { get; init; }
}
