namespace AttrFanout.Runs;

/// <summary>The reasons the engine gives when it cancels a run.</summary>
internal static class CancelReasons
{
    public const string ByRequest = "cancelled by request";
}
