using AttrFanout.Telemetry;

namespace AttrFanout.Engine;

/// <summary>
/// When an attempt started: the wall-clock time its history keeps and, only while the run-duration metric is listened to,
/// a timestamp for that metric. One clock read per attempt start when nobody measures durations.
/// </summary>
internal readonly record struct AttemptStart(DateTimeOffset At, long Timestamp)
{
    /// <summary>Reads the clock for an attempt starting now.</summary>
    public static AttemptStart Now(TimeProvider time) =>
        new(time.GetUtcNow(), FanoutMetrics.RunDuration.Enabled ? time.GetTimestamp() : 0);

    /// <summary>The start as the attempt's history keeps it: never after the attempt's end, even if the wall clock was set back.</summary>
    public DateTimeOffset Before(DateTimeOffset end) => At <= end ? At : end;

    /// <summary>Records the run-duration metric of an attempt that started here, when it is listened to.</summary>
    public void RecordDuration(TimeProvider time, string functionId)
    {
        if (Timestamp != 0 && FanoutMetrics.RunDuration.Enabled)
        {
            FanoutMetrics.Record(FanoutMetrics.RunDuration, time.GetElapsedTime(Timestamp), functionId);
        }
    }
}
