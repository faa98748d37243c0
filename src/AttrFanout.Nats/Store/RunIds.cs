using System.Globalization;

namespace AttrFanout.Nats.Store;

/// <summary>
/// Run Ids of first deliveries: the event message's stream sequence and the function Id (<c>42-send-email</c>), so every
/// process derives the same Id and a duplicate publish returns the first acceptance's runs. Replays carry their own Id.
/// </summary>
internal static class RunIds
{
    public static string For(ulong streamSequence, string functionId) =>
        streamSequence.ToString(CultureInfo.InvariantCulture) + "-" + functionId;

    public static bool TryParse(string runId, out ulong streamSequence, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? functionId)
    {
        functionId = null;
        var dash = runId.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !ulong.TryParse(runId.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out streamSequence)
            || !FanoutNames.IsValidFunctionId(runId[(dash + 1)..]))
        {
            streamSequence = 0;
            return false;
        }

        functionId = runId[(dash + 1)..];
        return true;
    }
}
