namespace AttrFanout;

/// <summary>
/// Cancels a run of the function when a matching event named <see cref="EventName"/> arrives after the run's event: a
/// pending or retrying run ends cancelled and never runs again; an executing run's cancellation token is cancelled. The
/// run is recorded as cancelled with the cancelling event's Id. Several may be given.
/// </summary>
/// <remarks>
/// Give <see cref="Match"/> (a member present on both payloads, with compatible types) or <see cref="If"/> (a static
/// method of the function's class taking both payloads and returning <see cref="bool"/>); with neither, every such event
/// cancels every run of the function that is not over.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class CancelOnAttribute : Attribute
{
    /// <summary>Creates the attribute for the event named <paramref name="eventName"/>.</summary>
    /// <param name="eventName">The cancelling event's name, as declared by an <see cref="EventAttribute"/>.</param>
    public CancelOnAttribute(string eventName) => EventName = eventName;

    /// <summary>Gets the cancelling event's name.</summary>
    public string EventName { get; }

    /// <summary>
    /// Gets or sets the member, present on the run's payload and on the cancelling event's payload, whose values must be
    /// equal: <c>nameof(UserSignedUp.UserId)</c> or a dotted path.
    /// </summary>
    public new string? Match { get; set; }

    /// <summary>Gets or sets the name of a static method of the function's class, <c>bool M(TRunPayload run, TCancelPayload cancelling)</c>.</summary>
    public string? If { get; set; }

    /// <summary>Gets or sets how long, in seconds after the run's event, the cancelling event is watched for.</summary>
    /// <value>When not set, for as long as the run is not over.</value>
    public int TimeoutSeconds { get; set; } = -1;
}
