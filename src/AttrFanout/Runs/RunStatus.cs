namespace AttrFanout;

/// <summary>Where a run stands.</summary>
public enum RunStatus
{
    /// <summary>Accepted and waiting for a worker.</summary>
    Pending,

    /// <summary>An attempt is executing.</summary>
    Running,

    /// <summary>An attempt failed; the next one is due at <see cref="FunctionRun.NextAttemptAt"/>.</summary>
    RetryScheduled,

    /// <summary>An attempt succeeded.</summary>
    Succeeded,

    /// <summary>Every attempt failed, or one failed with <see cref="NonRetriableException"/>: the run is a dead letter and can be replayed.</summary>
    Failed,
}
