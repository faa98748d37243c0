namespace AttrFanout.FlowControl;

/// <summary>
/// The generic cell rate algorithm every store applies to a rate bucket, so throttles and rate limits agree on every store:
/// starts are spaced by <c>period / limit</c>, with <c>burst</c> allowed at once.
/// </summary>
public static class Gcra
{
    /// <summary>Decides whether a start at <paramref name="now"/> conforms.</summary>
    /// <param name="theoreticalArrival">The bucket's stored theoretical arrival time, or <see langword="null"/> for a new bucket.</param>
    /// <param name="now">The current time.</param>
    /// <param name="limit">Starts per period, at least 1.</param>
    /// <param name="period">The period, positive.</param>
    /// <param name="burst">Starts allowed at once, at least 1.</param>
    /// <returns>The decision; store <see cref="GcraDecision.TheoreticalArrival"/> only when it conforms.</returns>
    public static GcraDecision Decide(DateTimeOffset? theoreticalArrival, DateTimeOffset now, int limit, TimeSpan period, int burst)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        var interval = period / limit;
        var tolerance = interval * (burst - 1);
        var arrival = theoreticalArrival is { } stored && stored > now ? stored : now;
        var allowedAt = arrival - tolerance;
        return now >= allowedAt
            ? new GcraDecision(true, arrival + interval, now)
            : new GcraDecision(false, arrival, allowedAt);
    }
}

/// <summary>What <see cref="Gcra.Decide"/> decided.</summary>
/// <param name="Conforms">Whether the start conforms.</param>
/// <param name="TheoreticalArrival">The bucket's theoretical arrival time to store when the start conforms; a bucket whose time has passed may be forgotten.</param>
/// <param name="RetryAt">When a start would conform (now, when it does).</param>
public readonly record struct GcraDecision(bool Conforms, DateTimeOffset TheoreticalArrival, DateTimeOffset RetryAt);
