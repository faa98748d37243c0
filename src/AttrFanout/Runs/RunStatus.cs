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

    /// <summary>
    /// The run was not executed because a flow-control rule left it out (a rate limit, a singleton in skip mode);
    /// <see cref="FunctionRun.Reason"/> says which. Final.
    /// </summary>
    Skipped,

    /// <summary>
    /// The run was cancelled before it ended (by a request, a singleton in cancel mode, a cancelling event); an executing
    /// attempt's token fired. <see cref="FunctionRun.Reason"/> says by what. Final.
    /// </summary>
    Cancelled,
}
