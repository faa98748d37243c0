namespace AttrFanout.Generators.Model;

/// <summary>The schedule of an <c>[OnSchedule]</c> function, as written and checked.</summary>
/// <param name="Cron">The cron expression.</param>
/// <param name="TimeZone">The IANA time zone, or null for UTC.</param>
/// <param name="CatchUp">Whether a starting app runs the latest missed tick.</param>
internal sealed record ScheduleModel(string Cron, string? TimeZone, bool CatchUp);
