namespace AttrFanout;

/// <summary>An accepted event and the runs the store still knows of it.</summary>
public sealed record EventRecord
{
    /// <summary>Gets the event's Id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the event's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the event's timestamp.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets the event's runs the store still knows, in the order it created them (see <see cref="EventPage.Incomplete"/> for what it cannot know).</summary>
    public IReadOnlyList<FunctionRun> Runs { get; init; } = [];
}
