namespace AttrFanout.Engine;

/// <summary>Decides whether a failed attempt may be retried, and after which delay when the function asked for one.</summary>
internal static class RetryClassifier
{
    public static bool IsRetriable(Exception error) =>
        error is not NonRetriableException and not ShutdownInterruptedException and not PayloadSerializationException;

    public static TimeSpan? RequestedDelay(Exception? error) => error is RetryAfterException retryAfter ? retryAfter.RetryAfter : null;
}
