namespace AttrFanout.Engine;

/// <summary>
/// The one formula for the delay before a run's next attempt: the delay the error asks for (a <see cref="RetryAfterException"/>,
/// an open circuit's or a rate limiter's rejection, see <see cref="RetryClassifier.RequestedDelay"/>),
/// else exponential from <see cref="AttrFanoutOptions.BaseRetryDelay"/>, capped at <see cref="AttrFanoutOptions.MaxRetryDelay"/>,
/// with "equal jitter" (a random point in the upper half), so runs that failed together do not retry together.
/// </summary>
internal static class RetryBackoff
{
    /// <param name="failedAttempts">The attempts made so far, the failed one included (1 for the first retry).</param>
    /// <param name="error">The failed attempt's error.</param>
    /// <param name="options">The base and maximum delays.</param>
    /// <param name="random">A number in [0, 1) that places the delay inside its jitter range.</param>
    public static TimeSpan Next(int failedAttempts, Exception error, AttrFanoutOptions options, double random)
    {
        if (RetryClassifier.RequestedDelay(error) is { } requested)
        {
            return requested;
        }

        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var ceiling = Math.Min(options.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ceiling / 2 + random * ceiling / 2);
    }
}
