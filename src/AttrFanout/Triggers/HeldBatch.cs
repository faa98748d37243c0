namespace AttrFanout.Triggers;

/// <summary>The payload of a batch's event: the events of the batch, oldest first, each with its own Id, name and timestamp.</summary>
internal sealed class HeldBatch(IReadOnlyList<EventEnvelope> events)
{
    public IReadOnlyList<EventEnvelope> Events { get; } = events;

    /// <summary>Gets the events as the typed events of the function's payload.</summary>
    public IReadOnlyList<Event<TPayload>> As<TPayload>()
        where TPayload : notnull
    {
        var typed = new Event<TPayload>[Events.Count];
        for (var i = 0; i < typed.Length; i++)
        {
            typed[i] = (Event<TPayload>)Events[i];
        }

        return typed;
    }
}
