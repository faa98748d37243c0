namespace AttrFanout;

/// <summary>What a send did: the event's Id and the runs it started.</summary>
public sealed class SendResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="eventId">The event's Id.</param>
    /// <param name="runIds">The Ids of the runs started, one per subscribed function.</param>
    /// <param name="isDuplicate">Whether the event had been sent before with the same Id, so nothing new was started.</param>
    public SendResult(string eventId, IReadOnlyList<string> runIds, bool isDuplicate)
    {
        EventId = eventId;
        RunIds = runIds;
        IsDuplicate = isDuplicate;
    }

    /// <summary>Gets the event's Id.</summary>
    public string EventId { get; }

    /// <summary>Gets the Ids of the runs this send started, one per subscribed function.</summary>
    public IReadOnlyList<string> RunIds { get; }

    /// <summary>Gets whether an event with the same Id was already accepted, so this send started no runs.</summary>
    public bool IsDuplicate { get; }
}
