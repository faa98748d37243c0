namespace AttrFanout.Dashboard;

/// <summary>Options of the HTTP event endpoint mapped by <see cref="EventEndpointRouteBuilderExtensions.MapAttrFanoutEvents"/>.</summary>
public sealed class EventEndpointOptions
{
    /// <summary>The configuration key of the event keys: a list (<c>AttrFanout:EventKeys:0</c>, <c>:1</c>, …) or one string.</summary>
    public const string KeysConfigurationKey = "AttrFanout:EventKeys";

    /// <summary>
    /// Gets the event keys accepted besides those in configuration (<see cref="KeysConfigurationKey"/>). Several keys may
    /// be valid at once, so a key can be rotated without refusing senders that still use the old one.
    /// </summary>
    /// <value>The default is empty: only the configured keys are accepted, and with none the endpoint refuses every request.</value>
    public IList<string> Keys { get; } = [];

    /// <summary>
    /// Gets or sets the largest request body, in bytes, for one event or a batch; a larger one is refused with 413 before
    /// it is read. Each event's <c>data</c> is also limited by <see cref="AttrFanoutOptions.MaxPayloadBytes"/>.
    /// </summary>
    /// <value>The default is 4 MiB.</value>
    public int MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Gets or sets the most events one request may carry; a larger batch is refused with 413.</summary>
    /// <value>The default is 1,000.</value>
    public int MaxEventsPerRequest { get; set; } = 1000;
}
