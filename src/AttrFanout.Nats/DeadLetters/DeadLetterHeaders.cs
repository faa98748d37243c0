namespace AttrFanout.Nats.DeadLetters;

/// <summary>Headers only dead-letter messages carry.</summary>
internal static class DeadLetterHeaders
{
    /// <summary>On a replay marker: the run that replays the dead letter named by the run-Id header.</summary>
    public const string ReplayedBy = "AttrFanout-Replayed-By";
}
