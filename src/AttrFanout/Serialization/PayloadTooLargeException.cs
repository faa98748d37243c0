namespace AttrFanout;

/// <summary>
/// A payload is larger than <see cref="AttrFanoutOptions.MaxPayloadBytes"/> once serialized: the send is refused and
/// nothing is stored.
/// </summary>
public sealed class PayloadTooLargeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="eventName">The event whose payload is too large.</param>
    /// <param name="sizeBytes">The payload's serialized size.</param>
    /// <param name="limitBytes">The limit.</param>
    public PayloadTooLargeException(string eventName, long sizeBytes, long limitBytes)
        : base($"The payload of event '{eventName}' is {sizeBytes:N0} bytes once serialized, over the limit of {limitBytes:N0} bytes " +
               $"(AttrFanoutOptions.MaxPayloadBytes). Send a reference to the data (an Id, a blob URL) instead of the data, or raise the limit. Nothing was stored.")
    {
        EventName = eventName;
        SizeBytes = sizeBytes;
        LimitBytes = limitBytes;
    }

    /// <summary>Gets the event whose payload is too large.</summary>
    public string EventName { get; }

    /// <summary>Gets the payload's serialized size in bytes.</summary>
    public long SizeBytes { get; }

    /// <summary>Gets the limit in bytes.</summary>
    public long LimitBytes { get; }
}
