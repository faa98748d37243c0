using System.Text.Json.Serialization;

namespace AttrFanout.Schedules;

/// <summary>The JSON metadata of <see cref="ScheduledTick"/>, so stores that serialize payloads can keep ticks.</summary>
[JsonSerializable(typeof(ScheduledTick))]
internal sealed partial class ScheduledTickJsonContext : JsonSerializerContext;
