namespace AttrFanout.Execution;

/// <summary>The delay before the next delivery of a run, for stores that retry by redelivery instead of in process.</summary>
internal static class RedeliveryBackoff
{
    public static TimeSpan Next(int failedAttempts, Exception error, AttrFanoutOptions options)
    {
        if (RetryClassifier.RequestedDelay(error) is { } requested)
        {
            return requested;
        }

        var exponent = Math.Min(failedAttempts - 1, 30);
        var ceiling = Math.Min(options.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxRetryDelay.TotalMilliseconds);
        var jittered = ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2;
        return TimeSpan.FromMilliseconds(jittered);
    }
}
