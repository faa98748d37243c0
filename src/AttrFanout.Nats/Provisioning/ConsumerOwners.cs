namespace AttrFanout.Nats.Provisioning;

/// <summary>
/// Which app a function's consumers belong to. A 2.9 server keeps no consumer metadata, so the owner is written into
/// the consumer's description (<c>… of app '{app}' …</c>); consumers made before apps were recorded name none.
/// </summary>
internal static class ConsumerOwners
{
    private const string Marker = " of app '";

    /// <summary>The words a description uses to name its app.</summary>
    public static string Phrase(string app) => Marker + app + "'";

    /// <summary>The app a consumer description names; <see langword="null"/> when it names none (an older build's consumer).</summary>
    public static string? AppOf(string? description)
    {
        var start = description?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return null;
        }

        start += Marker.Length;
        var end = description!.IndexOf('\'', start);
        return end < 0 ? null : description[start..end];
    }

    /// <summary>Reads the function Id from a function, trigger or replay consumer's name; <see langword="null"/> for any other consumer.</summary>
    public static string? FunctionOf(string consumerName)
    {
        var functionId = consumerName.StartsWith(ConsumerNames.Function(""), StringComparison.Ordinal)
            || consumerName.StartsWith(ConsumerNames.Replay(""), StringComparison.Ordinal)
                ? consumerName[2..]
                : null;
        if (functionId is not null && IsTriggerConsumer(consumerName))
        {
            functionId = functionId[..functionId.LastIndexOf(ConsumerNames.TriggerMarker, StringComparison.Ordinal)];
        }

        return FanoutNames.IsValidFunctionId(functionId) ? functionId : null;
    }

    /// <summary>Whether <paramref name="consumerName"/> is the consumer of a function's later trigger (not its first).</summary>
    public static bool IsTriggerConsumer(string consumerName) =>
        consumerName.StartsWith(ConsumerNames.Function(""), StringComparison.Ordinal) &&
        consumerName.LastIndexOf(ConsumerNames.TriggerMarker, StringComparison.Ordinal) > 2;
}
