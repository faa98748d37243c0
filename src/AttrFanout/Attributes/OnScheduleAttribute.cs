namespace AttrFanout;

/// <summary>
/// Runs a method on a cron schedule: one run per tick across every process sharing the store, a function like any other
/// (retries, timeout, failure event, dead letters, telemetry).
/// </summary>
/// <remarks>
/// <para>
/// The expression has 5 fields (minute, hour, day of month, month, day of week) or 6 with seconds first; it is checked
/// at build time (diagnostic AF0033) and evaluated at run time by Cronos, in <see cref="TimeZone"/> (an IANA name; UTC
/// when not set), daylight-saving transitions as Cronos defines them: a time skipped by the clock runs at the transition,
/// a time that occurs twice runs once.
/// </para>
/// <para>
/// Ticks missed while no process was running are not backfilled; with <see cref="CatchUp"/>, a starting app makes one
/// run for the latest missed tick (within the idempotency window), unless one was made already.
/// </para>
/// <para>
/// The method takes, in any order, an optional <see cref="ScheduledTick"/>, <see cref="FunctionContext"/> and
/// <see cref="CancellationToken"/>, and returns <see cref="Task"/>, <see cref="ValueTask"/> or <see langword="void"/>.
/// </para>
/// <para>
/// Beside one or more <see cref="OnEventAttribute"/>, the schedule is one more trigger of the same function: the method then
/// takes no <see cref="ScheduledTick"/> (AF0036), and <see cref="FunctionContext.EventName"/> of a tick's run is the
/// schedule's event, <c>attrfanout/schedule/&lt;id&gt;</c>.
/// </para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class OnScheduleAttribute : Attribute
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="cron">The cron expression, e.g. <c>0 9 * * MON-FRI</c> or, with seconds, <c>*/10 * * * * *</c>.</param>
    public OnScheduleAttribute(string cron) => Cron = cron;

    /// <summary>Gets the cron expression.</summary>
    public string Cron { get; }

    /// <summary>Gets or sets the IANA time zone the expression is read in, e.g. <c>Europe/Paris</c>.</summary>
    /// <value>When not set, UTC.</value>
    public string? TimeZone { get; set; }

    /// <summary>Gets or sets the function's Id (see <see cref="OnEventAttribute.Id"/>).</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets how many times a failed run is retried.</summary>
    public int Retries { get; set; } = -1;

    /// <summary>Gets or sets the time limit of one attempt, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = -1;

    /// <summary>Gets or sets whether a starting app makes one run for the latest tick missed while nothing ran.</summary>
    /// <value>The default is <see langword="false"/>: no backfill.</value>
    public bool CatchUp { get; set; }
}
