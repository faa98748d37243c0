using Polly.CircuitBreaker;
using Polly.RateLimiting;

namespace AttrFanout.Engine;

/// <summary>Decides whether a failed attempt may be retried, and after which delay when the function asked for one.</summary>
internal static class RetryClassifier
{
    public static bool IsRetriable(Exception error) =>
        error is not NonRetriableException and not ShutdownInterruptedException and not PayloadSerializationException;

    /// <summary>
    /// The delay the error asks for: a <see cref="RetryAfterException"/>'s, or the time until an app pipeline's circuit
    /// breaker closes or its rate limiter lets the next call through, when the rejection says so.
    /// </summary>
    public static TimeSpan? RequestedDelay(Exception? error) => error switch
    {
        RetryAfterException retryAfter => retryAfter.RetryAfter,
        BrokenCircuitException { RetryAfter: { } untilHalfOpen } => NotNegative(untilHalfOpen),
        RateLimiterRejectedException { RetryAfter: { } untilPermitted } => NotNegative(untilPermitted),
        _ => null,
    };

    private static TimeSpan NotNegative(TimeSpan delay) => delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
}
