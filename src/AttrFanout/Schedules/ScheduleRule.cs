namespace AttrFanout.Schedules;

/// <summary>A function's schedule, as the generator emits it from <see cref="OnScheduleAttribute"/>.</summary>
/// <param name="Cron">The cron expression, 5 fields or 6 with seconds first.</param>
/// <param name="TimeZone">The IANA time zone, or <see langword="null"/> for UTC.</param>
public sealed record ScheduleRule(string Cron, string? TimeZone)
{
    /// <summary>Gets whether a starting app makes one run for the latest missed tick.</summary>
    public bool CatchUp { get; init; }

    /// <summary>The prefix of the event names of schedules: <c>attrfanout/schedule/</c> then the function Id.</summary>
    public const string EventNamePrefix = "attrfanout/schedule/";

    /// <summary>Gets the name of the event a scheduled function subscribes to.</summary>
    /// <param name="functionId">The function's Id.</param>
    public static string EventNameFor(string functionId) => EventNamePrefix + functionId;

    /// <summary>
    /// Gets the Id of a tick's event: the same in every process, so the store keeps one event, and one run, per tick.
    /// </summary>
    /// <param name="functionId">The function's Id.</param>
    /// <param name="tick">The tick.</param>
    public static string TickEventId(string functionId, DateTimeOffset tick) =>
        $"schedule:{functionId}:{tick.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture)}";
}
