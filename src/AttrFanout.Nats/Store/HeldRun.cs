using AttrFanout.Nats.Consuming;
using AttrFanout.Nats.Subjects;
using AttrFanout.Nats.Wire;
using AttrFanout.Stores;

namespace AttrFanout.Nats.Store;

/// <summary>What a function's delivery says about its run: the attempts made before it, and the run's Id.</summary>
internal static class HeldRun
{
    /// <summary>
    /// The attempts made before this delivery: every earlier delivery counts as one, and a replay adds those its
    /// message carries (a run handed back at shutdown).
    /// </summary>
    public static int AttemptsMade(SubjectLayout subjects, DeliveredMessage message, out bool isReplay)
    {
        isReplay = subjects.TryGetReplayFunction(message.Subject, out _);
        return message.DeliveryCount - 1 + (isReplay ? HeaderText.GetInt(message.Headers, WireHeaders.Attempts) : 0);
    }

    /// <summary>A replay's own run Id, or the first delivery's (stream sequence and function Id).</summary>
    public static string RunId(DeliveredMessage message, string functionId, bool isReplay) =>
        isReplay && HeaderText.Get(message.Headers, WireHeaders.RunId) is { } replayRunId
            ? replayRunId
            : RunIds.For(message.StreamSequence, functionId);

    /// <summary>
    /// Names one hand-back of one function's delivery, so a publish repeated after a lost acknowledgement is a duplicate.
    /// Every function of an event consumes the same stream message, so the function is part of the name: the sibling
    /// runs of one event handed back at the same stop are different messages.
    /// </summary>
    public static string HandBackId(string functionId, DeliveredMessage message) =>
        $"handback-{functionId}-{message.StreamSequence}-{message.DeliveryCount}";
}
