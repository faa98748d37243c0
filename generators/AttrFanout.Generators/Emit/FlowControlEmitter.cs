using AttrFanout.Generators.Model.FlowControl;

namespace AttrFanout.Generators.Emit;

/// <summary>Writes a function's flow-control rules into its descriptor initializer.</summary>
internal static class FlowControlEmitter
{
    private const string Namespace = "global::AttrFanout.FlowControl.";

    /// <summary>
    /// This emits:
    /// <code>
    /// FlowControl = new global::AttrFanout.FlowControl.FunctionFlowControl
    /// {
    ///     Concurrency =
    ///     [
    ///         new global::AttrFanout.FlowControl.ConcurrencyRule(5)
    ///         {
    ///             Key = new global::AttrFanout.FlowControl.PayloadKey("AccountId", static p => ((global::Shop.Summarize)p).AccountId),
    ///         },
    ///         new global::AttrFanout.FlowControl.ConcurrencyRule(50) { Scope = "openai" },
    ///     ],
    ///     Throttle = new global::AttrFanout.FlowControl.ThrottleRule(100, global::System.TimeSpan.FromSeconds(60)) { Burst = 10 },
    ///     Priority = new global::AttrFanout.FlowControl.PriorityRule("Rank", static p => global::Shop.Ai.Rank((global::Shop.Summarize)p)),
    /// },
    /// </code>
    /// </summary>
    public static void Write(SourceWriter writer, FlowControlModel model)
    {
        writer.OpenBlock($"FlowControl = new {Namespace}FunctionFlowControl");
        if (model.Concurrency.Count > 0)
        {
            writer.WriteLine("Concurrency =");
            writer.WriteLine("[").Indent();
            foreach (var rule in model.Concurrency)
            {
                WriteRule(writer, $"new {Namespace}ConcurrencyRule({rule.Limit})", ",", Key(rule.Key), rule.Scope is null ? null : "Scope = " + GeneratedCode.Literal(rule.Scope));
            }

            writer.Unindent().WriteLine("],");
        }

        if (model.Throttle is { } throttle)
        {
            WriteRule(
                writer,
                $"Throttle = new {Namespace}ThrottleRule({throttle.Limit}, {Seconds(throttle.PeriodSeconds)})",
                ",",
                throttle.Burst == 1 ? null : $"Burst = {throttle.Burst}",
                Key(throttle.Key));
        }

        if (model.RateLimit is { } rateLimit)
        {
            WriteRule(writer, $"RateLimit = new {Namespace}RateLimitRule({rateLimit.Limit}, {Seconds(rateLimit.PeriodSeconds)})", ",", Key(rateLimit.Key));
        }

        if (model.Singleton is { } singleton)
        {
            WriteRule(writer, $"Singleton = new {Namespace}SingletonRule({Mode(singleton.Mode)})", ",", Key(singleton.Key));
        }

        if (model.Priority is { } priority)
        {
            writer.WriteLine($"Priority = new {Namespace}PriorityRule({GeneratedCode.Literal(priority.Method)}, static p => {priority.Call}),");
        }

        if (model.Idempotency is { } idempotency)
        {
            WriteRule(
                writer,
                $"Idempotency = new {Namespace}IdempotencyRule({PayloadKey(idempotency.Key)})",
                ",",
                idempotency.PeriodSeconds == 86_400 ? null : $"Period = {Seconds(idempotency.PeriodSeconds)}");
        }

        writer.CloseBlock(",");
    }

    /// <summary>Writes <c>new Rule(...)</c>, with an initializer block only when some of <paramref name="settings"/> are set.</summary>
    public static void WriteRule(SourceWriter writer, string creation, string suffix, params string?[] settings)
    {
        var set = settings.Where(static s => s is not null).ToArray();
        if (set.Length == 0)
        {
            writer.WriteLine(creation + suffix);
        }
        else if (set.Length == 1 && set[0]!.Length < 40)
        {
            writer.WriteLine($"{creation} {{ {set[0]} }}{suffix}");
        }
        else
        {
            writer.OpenBlock(creation);
            foreach (var setting in set)
            {
                writer.WriteLine(setting + ",");
            }

            writer.CloseBlock(suffix);
        }
    }

    private static string? Key(KeyModel? key) => key is null ? null : "Key = " + PayloadKey(key);

    public static string PayloadKey(KeyModel key) => $"new {Namespace}PayloadKey({GeneratedCode.Literal(key.Expression)}, static p => {key.Accessor})";

    public static string Seconds(int seconds) => $"global::System.TimeSpan.FromSeconds({seconds})";

    private static string Mode(int mode) => mode switch
    {
        0 => "global::AttrFanout.SingletonMode.Skip",
        1 => "global::AttrFanout.SingletonMode.Cancel",
        _ => $"(global::AttrFanout.SingletonMode){mode}",
    };
}
