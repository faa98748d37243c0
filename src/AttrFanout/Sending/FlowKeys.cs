using AttrFanout.Engine;
using AttrFanout.FlowControl;

namespace AttrFanout.Sending;

/// <summary>
/// Evaluates a function's flow-control keys for a payload; a key accessor or priority method that throws becomes a
/// <see cref="FlowKeyException"/> naming the function, the rule and the key as written.
/// </summary>
internal static class FlowKeys
{
    public static RunKeys Evaluate(FunctionDescriptor function, FunctionFlowControl rules, object payload)
    {
        try
        {
            return rules.EvaluateKeys(payload);
        }
        catch (Exception error)
        {
            throw Explain(function, rules, payload, error);
        }
    }

    public static string? EvaluateIdempotencyKey(FunctionDescriptor function, IdempotencyRule rule, object payload)
    {
        try
        {
            return rule.Key.Evaluate(payload);
        }
        catch (Exception error)
        {
            throw Failed(function, "[Idempotency]", rule.Key.Expression, error);
        }
    }

    /// <summary>Finds which rule's key throws, evaluating them one by one (only once one did).</summary>
    private static FlowKeyException Explain(FunctionDescriptor function, FunctionFlowControl rules, object payload, Exception error)
    {
        for (var i = 0; i < rules.Concurrency.Count; i++)
        {
            if (Throws(rules.Concurrency[i].Key, payload) is { } thrown)
            {
                return Failed(function, "[Concurrency]", rules.Concurrency[i].Key!.Expression, thrown);
            }
        }

        (string Rule, PayloadKey? Key)[] keyed =
        [
            ("[Throttle]", rules.Throttle?.Key),
            ("[RateLimit]", rules.RateLimit?.Key),
            ("[Singleton]", rules.Singleton?.Key),
        ];
        foreach (var (rule, key) in keyed)
        {
            if (Throws(key, payload) is { } thrown)
            {
                return Failed(function, rule, key!.Expression, thrown);
            }
        }

        return Failed(function, "[Priority]", rules.Priority?.Method ?? "(none)", error);
    }

    private static Exception? Throws(PayloadKey? key, object payload)
    {
        if (key is null)
        {
            return null;
        }

        try
        {
            key.Evaluate(payload);
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
    }

    public static FlowKeyException Failed(FunctionDescriptor function, string rule, string expression, Exception error) =>
        new($"The key '{expression}' of the {rule} rule of function '{function.Id}' ({function.Handler}) could not be evaluated for the event's payload ({error.GetType().Name}); nothing was accepted.", error);
}
