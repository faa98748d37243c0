using AttrFanout.FlowControl;
using NATS.Client.Core;

namespace AttrFanout.Nats.Wire;

/// <summary>
/// The headers that concern one function's run of a message: its flow-control keys and, for a run its idempotency key kept
/// out, the first run's Id. Events fan out to one consumer per function, so each header names its function.
/// </summary>
internal static class RunHeaders
{
    public static string KeysOf(string functionId) => WireHeaders.KeysPrefix + functionId;

    public static string IdempotentOf(string functionId) => WireHeaders.IdempotentPrefix + functionId;

    /// <summary>Reads the run's keys; <see langword="null"/> when the message carries none for the function, or unreadable ones.</summary>
    public static RunKeys? ReadKeys(NatsHeaders? headers, string functionId)
    {
        if (HeaderText.Get(headers, KeysOf(functionId)) is not { } text)
        {
            return null;
        }

        try
        {
            return RunKeys.Decode(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Gets the first run's Id when the function's run of this event was left out by its idempotency key.</summary>
    public static string? ReadIdempotentFirstRun(NatsHeaders? headers, string functionId) =>
        headers is null || headers.Count == 0 ? null : HeaderText.Get(headers, IdempotentOf(functionId));

    public static void Write(NatsHeaders headers, IReadOnlyList<KeyValuePair<string, string>>? functionHeaders)
    {
        if (functionHeaders is null)
        {
            return;
        }

        foreach (var (name, value) in functionHeaders)
        {
            headers[name] = value;
        }
    }
}
