namespace AttrFanout.Sqlite;

/// <summary>How an attempt ended, as recorded by the lease owner.</summary>
internal abstract record RunOutcome
{
    private RunOutcome()
    {
    }

    /// <summary>The run is done.</summary>
    public sealed record Succeeded : RunOutcome
    {
        public static Succeeded Instance { get; } = new();
    }

    /// <summary>The attempt failed and attempt <paramref name="NextAttempt"/> is due at <paramref name="DueAt"/>: the lease ends and the run waits in the file.</summary>
    public sealed record RetryScheduled(int NextAttempt, DateTimeOffset DueAt, RunError Error) : RunOutcome;

    /// <summary>The run exhausted its attempts (or cannot succeed): it becomes a dead letter.</summary>
    public sealed record Failed(RunError Error) : RunOutcome;

    /// <summary>Flow control held the run back: it is pending again, due at <paramref name="DueAt"/>, the attempt unchanged and this lease not counted.</summary>
    public sealed record Deferred(DateTimeOffset DueAt) : RunOutcome;

    /// <summary>The run ended without completing: <paramref name="Status"/> (skipped or cancelled) with <paramref name="Reason"/>, after <paramref name="Attempts"/> finished attempts.</summary>
    public sealed record Ended(StoredRunStatus Status, int Attempts, string Reason) : RunOutcome;
}
