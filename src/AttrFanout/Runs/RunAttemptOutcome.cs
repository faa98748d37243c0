namespace AttrFanout;

/// <summary>How one attempt of a run ended.</summary>
public enum RunAttemptOutcome
{
    /// <summary>The attempt succeeded.</summary>
    Succeeded,

    /// <summary>The attempt failed and another attempt was scheduled.</summary>
    FailedWillRetry,

    /// <summary>The attempt failed and no other was made: the run failed with it.</summary>
    Failed,

    /// <summary>The attempt exceeded the function's timeout (retried or not, as the run's status says).</summary>
    TimedOut,

    /// <summary>The attempt was cancelled while it executed.</summary>
    Cancelled,

    /// <summary>The attempt was interrupted by a shutdown; the run was handed back to be taken again.</summary>
    Interrupted,
}
