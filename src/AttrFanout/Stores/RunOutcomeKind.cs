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

    /// <summary>
    /// The run did not start because flow control holds it back (a full concurrency limit, a throttle); it is due again at
    /// <see cref="RunOutcome.DueAt"/> with its attempt count unchanged, holding nothing meanwhile.
    /// </summary>
    Deferred,

    /// <summary>The run was left out by flow control (<see cref="RunOutcome.Reason"/>); it ends <see cref="RunStatus.Skipped"/>.</summary>
    Skipped,

    /// <summary>The run was cancelled (<see cref="RunOutcome.Reason"/>); it ends <see cref="RunStatus.Cancelled"/>.</summary>
    Cancelled,
}
