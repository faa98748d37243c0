namespace AttrFanout;

/// <summary>How many runs of one function stand in each status now; <see langword="null"/> where the store cannot count them.</summary>
public sealed record FunctionRunCounts
{
    /// <summary>Gets the function's Id.</summary>
    public required string FunctionId { get; init; }

    /// <summary>Gets the runs waiting for a worker.</summary>
    public int? Pending { get; init; }

    /// <summary>Gets the runs with an attempt executing (or handed to a worker).</summary>
    public int? Running { get; init; }

    /// <summary>Gets the runs waiting for their next attempt.</summary>
    public int? RetryScheduled { get; init; }

    /// <summary>Gets the succeeded runs the store still keeps.</summary>
    public int? Succeeded { get; init; }

    /// <summary>Gets the failed runs not yet replayed (dead letters that need attention).</summary>
    public int? Failed { get; init; }

    /// <summary>Gets the skipped runs the store still keeps.</summary>
    public int? Skipped { get; init; }

    /// <summary>Gets the cancelled runs the store still keeps.</summary>
    public int? Cancelled { get; init; }

    /// <summary>Creates the counts of a store that counts every status, from counts indexed by <see cref="RunStatus"/>.</summary>
    /// <param name="functionId">The function's Id.</param>
    /// <param name="byStatus">The count of each status at the index of its value; a status past the end counts 0.</param>
    /// <returns>The counts.</returns>
    public static FunctionRunCounts FromStatusCounts(string functionId, ReadOnlySpan<int> byStatus)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionId);
        var counts = byStatus;
        return new FunctionRunCounts
        {
            FunctionId = functionId,
            Pending = Count(counts, RunStatus.Pending),
            Running = Count(counts, RunStatus.Running),
            RetryScheduled = Count(counts, RunStatus.RetryScheduled),
            Succeeded = Count(counts, RunStatus.Succeeded),
            Failed = Count(counts, RunStatus.Failed),
            Skipped = Count(counts, RunStatus.Skipped),
            Cancelled = Count(counts, RunStatus.Cancelled),
        };
    }

    private static int Count(ReadOnlySpan<int> byStatus, RunStatus status) => (int)status < byStatus.Length ? byStatus[(int)status] : 0;

    /// <summary>Returns the count of <paramref name="status"/>; <see langword="null"/> where the store cannot count it.</summary>
    /// <param name="status">A status.</param>
    public int? Of(RunStatus status) => status switch
    {
        RunStatus.Pending => Pending,
        RunStatus.Running => Running,
        RunStatus.RetryScheduled => RetryScheduled,
        RunStatus.Succeeded => Succeeded,
        RunStatus.Failed => Failed,
        RunStatus.Skipped => Skipped,
        RunStatus.Cancelled => Cancelled,
        _ => null,
    };
}
