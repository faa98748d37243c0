namespace AttrFanout.Engine;

/// <summary>What the flow gate decided for a run at take.</summary>
internal enum GateDecision
{
    /// <summary>The attempt may start; the run holds its slots until it ends.</summary>
    Admitted,

    /// <summary>The run waits until <see cref="GateVerdict.DueAt"/>, holding nothing; not an attempt.</summary>
    Deferred,

    /// <summary>The run is left out for good.</summary>
    Skipped,
}

/// <summary>The flow gate's decision, with what held the run back.</summary>
/// <param name="Decision">The decision.</param>
/// <param name="Rule">The rule that decided, as a metric tag: <c>concurrency</c>, <c>singleton</c>, <c>throttle</c>, <c>rate_limit</c>.</param>
/// <param name="Reason">Why, in words, kept with the run.</param>
/// <param name="DueAt">When a deferred run is due again.</param>
internal readonly record struct GateVerdict(GateDecision Decision, string? Rule = null, string? Reason = null, DateTimeOffset DueAt = default)
{
    public static GateVerdict Admitted => default;

    public static GateVerdict Defer(string rule, string reason, DateTimeOffset dueAt) => new(GateDecision.Deferred, rule, reason, dueAt);

    public static GateVerdict Skip(string rule, string reason) => new(GateDecision.Skipped, rule, reason);
}
