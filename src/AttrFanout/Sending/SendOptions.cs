namespace AttrFanout;

/// <summary>Options for one send.</summary>
public sealed class SendOptions
{
    /// <summary>
    /// Gets or sets the event's Id. A second send with the same Id inside the idempotency window does not fan out again.
    /// </summary>
    /// <value>When not set, a new time-ordered Id is generated.</value>
    public string? Id { get; set; }
}
