using System.Collections.Frozen;
using AttrFanout.Stores;

namespace AttrFanout.Triggers;

/// <summary>The events that start the runs of holds, in the catalog: each taken by its one function, never held again.</summary>
internal static class HoldEvents
{
    public static FrozenDictionary<string, FunctionDescriptor> ByName(IReadOnlyList<FunctionDescriptor> functions) =>
        functions
            .Select(static f => (Rule: HoldRule.For(f), Function: f))
            .Where(static pair => pair.Rule is not null)
            .ToFrozenDictionary(static pair => pair.Rule!.EventName, static pair => pair.Function, StringComparer.Ordinal);

    /// <summary>Declares the event of each function's debounce or batch, with the serialization of the function's own event.</summary>
    public static IEnumerable<EventDescriptor> Declare(List<FunctionDescriptor> functions, IReadOnlyList<EventDescriptor> declared)
    {
        foreach (var function in functions)
        {
            if (HoldRule.For(function) is not { } rule)
            {
                continue;
            }

            var own = declared.FirstOrDefault(e => string.Equals(e.Name, function.EventName, StringComparison.Ordinal));
            yield return function.DescribeHoldEvent(rule.EventName, own);
        }
    }

    /// <summary>
    /// The one run a hold's event starts: no hold key (it is not held again); the function's flow-control keys evaluated
    /// from the payload it runs with (a batch's first event).
    /// </summary>
    public static RunRequest RunRequest(FunctionDescriptor function, EventEnvelope envelope)
    {
        if (function.FlowControl is not { } rules)
        {
            return new RunRequest(function.Id);
        }

        var payload = envelope.Payload is HeldBatch { Events: [var first, ..] } ? first.Payload : envelope.Payload;
        return new RunRequest(function.Id) { Keys = Sending.FlowKeys.Evaluate(function, rules, payload) };
    }
}
