using AttrFanout.Generators.Model;
using AttrFanout.Generators.Model.FlowControl;
using AttrFanout.Generators.Model.Triggers;

namespace AttrFanout.Generators.Emit;

/// <summary>Writes a function's <c>[Debounce]</c>, <c>[Batch]</c> (with its batch invoker) and <c>[CancelOn]</c> into its descriptor initializer.</summary>
internal static class TriggerEmitter
{
    private const string Namespace = "global::AttrFanout.Triggers.";

    /// <summary>
    /// This emits:
    /// <code>
    /// Debounce = new global::AttrFanout.Triggers.DebounceRule(global::System.TimeSpan.FromSeconds(30))
    /// {
    ///     MaxWait = global::System.TimeSpan.FromSeconds(300),
    ///     Key = new global::AttrFanout.FlowControl.PayloadKey("DocId", static p => ((global::Docs.DocEdited)p).DocId),
    /// },
    /// Batch = new global::AttrFanout.Triggers.BatchRule(100, global::System.TimeSpan.FromSeconds(5)),
    /// BatchInvoker = static (services, events, context, cancellationToken) => ...,
    /// CancelOn =
    /// [
    ///     new global::AttrFanout.Triggers.CancelOnRule("user/deleted")
    ///     {
    ///         RunKey = new global::AttrFanout.FlowControl.PayloadKey("UserId", static p => ((global::Shop.UserSignedUp)p).UserId),
    ///         CancellingKey = new global::AttrFanout.FlowControl.PayloadKey("UserId", static p => ((global::Shop.UserDeleted)p).UserId),
    ///     },
    /// ],
    /// </code>
    /// </summary>
    public static void Write(SourceWriter writer, FunctionModel function, TriggerModel model)
    {
        if (model.Debounce is { } debounce)
        {
            FlowControlEmitter.WriteRule(
                writer,
                $"Debounce = new {Namespace}DebounceRule({FlowControlEmitter.Seconds(debounce.PeriodSeconds)})",
                ",",
                debounce.MaxWaitSeconds is { } maxWait ? "MaxWait = " + FlowControlEmitter.Seconds(maxWait) : null,
                Key("Key", debounce.Key));
        }

        if (model.Batch is { } batch)
        {
            FlowControlEmitter.WriteRule(
                writer,
                $"Batch = new {Namespace}BatchRule({batch.MaxSize}, {FlowControlEmitter.Seconds(batch.TimeoutSeconds)})",
                ",",
                batch.MaxBytes is { } maxBytes ? $"MaxBytes = {maxBytes}" : null,
                Key("Key", batch.Key));
            writer.Write("BatchInvoker = ");
            InvokerEmitter.WriteBatchLambda(writer, function, ",");
        }

        if (model.CancelOn.Count > 0)
        {
            writer.WriteLine("CancelOn =");
            writer.WriteLine("[").Indent();
            foreach (var rule in model.CancelOn)
            {
                FlowControlEmitter.WriteRule(
                    writer,
                    $"new {Namespace}CancelOnRule({GeneratedCode.Literal(rule.EventName)})",
                    ",",
                    rule.TimeoutSeconds is { } timeout ? "Timeout = " + FlowControlEmitter.Seconds(timeout) : null,
                    Key("RunKey", rule.RunKey),
                    Key("CancellingKey", rule.CancellingKey),
                    rule.Condition is { } condition ? $"If = static (run, cancelling) => {condition}" : null);
            }

            writer.Unindent().WriteLine("],");
        }
    }

    private static string? Key(string property, KeyModel? key) => key is null ? null : $"{property} = {FlowControlEmitter.PayloadKey(key)}";
}
