namespace AttrFanout.Runs;

/// <summary>The reasons the engine gives when it cancels a run.</summary>
internal static class CancelReasons
{
    public const string ByRequest = "cancelled by request";

    /// <summary>The reason of a run a cancelling event (<see cref="CancelOnAttribute"/>) ended, naming the event's Id and name.</summary>
    public static string ByEvent(EventEnvelope cancelling) => $"cancelled by event '{cancelling.Id}' ({cancelling.Name})";
}
