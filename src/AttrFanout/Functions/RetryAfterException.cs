namespace AttrFanout;

/// <summary>
/// Thrown by a function to fail the current attempt and set when the next one starts,
/// e.g. from a rate-limited API's <c>Retry-After</c> header. The run still fails once its attempts are exhausted.
/// </summary>
public class RetryAfterException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="retryAfter">How long to wait before the next attempt; zero or more.</param>
    public RetryAfterException(TimeSpan retryAfter)
        : this(retryAfter, $"The function asked to be retried after {retryAfter}.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="retryAfter">How long to wait before the next attempt; zero or more.</param>
    /// <param name="message">Why the attempt failed.</param>
    /// <param name="innerException">The error that caused it.</param>
    public RetryAfterException(TimeSpan retryAfter, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        RetryAfter = retryAfter;
    }

    /// <summary>Gets how long to wait before the next attempt.</summary>
    public TimeSpan RetryAfter { get; }
}
