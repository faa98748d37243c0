namespace AttrFanout;

/// <summary>Thrown by a function to fail its run at once, without further attempts.</summary>
public class NonRetriableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NonRetriableException()
        : this("The function failed with an error that retrying cannot fix.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the run cannot succeed.</param>
    public NonRetriableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the run cannot succeed.</param>
    /// <param name="innerException">The error that caused it.</param>
    public NonRetriableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
