namespace AttrFanout.Telemetry;

/// <summary>The tag names on AttrFanout's spans and instruments.</summary>
internal static class FanoutTags
{
    public const string Event = "attrfanout.event";
    public const string EventId = "attrfanout.event_id";
    public const string Function = "attrfanout.function";
    public const string RunId = "attrfanout.run_id";
    public const string Attempt = "attrfanout.attempt";
    public const string Outcome = "attrfanout.outcome";
    public const string Duplicate = "attrfanout.duplicate";
    public const string Runs = "attrfanout.runs";
    public const string Reason = "attrfanout.reason";
}
