using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AttrFanout.Stores;

/// <summary>
/// The one rule for the Ids of runs an event starts, on every store: <c>{sequence}-{function Id}</c> (<c>42-send-email</c>),
/// where the sequence is the event's position in its store (the in-memory store's counter, SQLite's event row, the
/// JetStream stream sequence). Every process sharing a store derives the same Id, and a duplicate send returns the first
/// acceptance's runs. A replay is a new run the engine names with a new unique Id; a run handed back at shutdown or
/// waiting for a retry keeps its Id.
/// </summary>
public static class RunIds
{
    /// <summary>Names the run of <paramref name="functionId"/> started by the event at <paramref name="sequence"/>.</summary>
    /// <param name="sequence">The event's position in its store.</param>
    /// <param name="functionId">The function's Id.</param>
    /// <returns>The run's Id.</returns>
    public static string For(ulong sequence, string functionId)
    {
        ArgumentNullException.ThrowIfNull(functionId);
        return string.Create(CultureInfo.InvariantCulture, $"{sequence}-{functionId}");
    }

    /// <summary>Reads the event's sequence and the function back from a run Id made by <see cref="For"/>.</summary>
    /// <param name="runId">The run's Id.</param>
    /// <param name="sequence">The event's position in its store.</param>
    /// <param name="functionId">The function's Id.</param>
    /// <returns><see langword="false"/> for any other Id (a replay's, or one made up).</returns>
    public static bool TryParse(string runId, out ulong sequence, [NotNullWhen(true)] out string? functionId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        functionId = null;
        var dash = runId.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !ulong.TryParse(runId.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out sequence)
            || !FanoutNames.IsValidFunctionId(runId[(dash + 1)..]))
        {
            sequence = 0;
            return false;
        }

        functionId = runId[(dash + 1)..];
        return true;
    }
}
