namespace AttrFanout;

/// <summary>The payload of a scheduled function's run: which tick it is for.</summary>
/// <param name="FunctionId">The scheduled function.</param>
/// <param name="Tick">The tick's time, as the schedule defines it (in UTC).</param>
/// <param name="IsCatchUp">Whether the run catches up a tick missed while no process was running.</param>
public sealed record ScheduledTick(string FunctionId, DateTimeOffset Tick, bool IsCatchUp = false);
