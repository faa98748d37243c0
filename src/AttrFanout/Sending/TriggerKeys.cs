using AttrFanout.Engine;
using AttrFanout.FlowControl;
using AttrFanout.Triggers;

namespace AttrFanout.Sending;

/// <summary>
/// Adds a run's debounce or batch key and its side of each cancel-on match to its keys, evaluated once at send; a key
/// accessor that throws becomes a <see cref="FlowKeyException"/> naming the function, the rule and the key as written.
/// </summary>
internal static class TriggerKeys
{
    public static bool Apply(FunctionDescriptor function) =>
        function.Debounce is not null || function.Batch is not null || function.CancelOn.Count > 0;

    public static RunKeys Evaluate(FunctionDescriptor function, RunKeys? keys, object payload)
    {
        keys ??= new RunKeys();
        if (function.Debounce is { } debounce)
        {
            keys = keys with { Hold = Bucket(function, "[Debounce]", debounce.Key, payload) };
        }
        else if (function.Batch is { } batch)
        {
            keys = keys with { Hold = Bucket(function, "[Batch]", batch.Key, payload) };
        }

        if (function.CancelOn.Count > 0)
        {
            var matches = new string?[function.CancelOn.Count];
            for (var i = 0; i < matches.Length; i++)
            {
                matches[i] = function.CancelOn[i].RunKey is { } key ? Evaluate(function, "[CancelOn]", key, payload) : null;
            }

            keys = keys with { CancelMatches = matches };
        }

        return keys;
    }

    private static string? Bucket(FunctionDescriptor function, string rule, PayloadKey? key, object payload) =>
        key is null ? string.Empty : Evaluate(function, rule, key, payload);

    private static string? Evaluate(FunctionDescriptor function, string rule, PayloadKey key, object payload)
    {
        try
        {
            return key.Evaluate(payload);
        }
        catch (Exception error)
        {
            throw FlowKeys.Failed(function, rule, key.Expression, error);
        }
    }
}
