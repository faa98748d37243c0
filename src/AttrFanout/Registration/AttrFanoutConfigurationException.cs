namespace AttrFanout;

/// <summary>The app's functions or options are inconsistent; thrown at registration or start, never while running events.</summary>
public sealed class AttrFanoutConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public AttrFanoutConfigurationException(string message)
        : base(message)
    {
    }
}
