namespace AttrFanout;

/// <summary>
/// Runs the function with a batch of events (per <see cref="Key"/>) instead of one run per event: the run starts when
/// <see cref="MaxSize"/> events are held, when their payloads reach <see cref="MaxBytes"/>, or
/// <see cref="TimeoutSeconds"/> after the batch's first event. The handler takes <c>IReadOnlyList&lt;TPayload&gt;</c> (or
/// of <see cref="Event{TPayload}"/>); a batch is retried as a unit. Held events survive a crash of the process holding them.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class BatchAttribute : Attribute
{
    /// <summary>Gets or sets the most events in one batch: 1 to 10,000.</summary>
    public int MaxSize { get; set; }

    /// <summary>Gets or sets how long, in seconds from its first event, a batch waits to fill: 1 second to 1 day.</summary>
    public int TimeoutSeconds { get; set; }

    /// <summary>Gets or sets the most payload bytes in one batch; the event that would pass it starts the next batch.</summary>
    /// <value>When not set, 256 KiB.</value>
    public int MaxBytes { get; set; } = -1;

    /// <summary>Gets or sets the key batches are formed per (see <see cref="ConcurrencyAttribute.Key"/>).</summary>
    /// <value>When not set, every event of the function goes into one batch at a time.</value>
    public string? Key { get; set; }
}
