namespace AttrFanout.Stores;

/// <summary>How an attempt of a run ended.</summary>
public enum RunOutcomeKind
{
    /// <summary>The attempt succeeded; the run is done.</summary>
    Succeeded,

    /// <summary>The attempt failed and another is due at <see cref="RunOutcome.DueAt"/>.</summary>
    RetryScheduled,

    /// <summary>The attempt failed and no other will be made; the run is a dead letter.</summary>
    Failed,

    /// <summary>The run was interrupted by shutdown; it goes back to pending, to be taken again.</summary>
    Released,
}
