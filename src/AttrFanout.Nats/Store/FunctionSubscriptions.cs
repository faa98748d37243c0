using AttrFanout.Nats.Provisioning;
using AttrFanout.Stores;

namespace AttrFanout.Nats.Store;

/// <summary>Derives each function's server settings from its effective retries and timeout (configured override, else attribute, else default).</summary>
internal static class FunctionSubscriptions
{
    /// <summary>The function's subscription; <paramref name="triggers"/> are its triggers' descriptors when it has several.</summary>
    public static FunctionSubscription For(FunctionDescriptor function, AttrFanoutOptions fanout, NatsJetStreamOptions nats, IReadOnlyList<FunctionDescriptor>? triggers = null)
    {
        var settings = FunctionSettings.Resolve(function, fanout);
        var ackWait = settings.Timeout is { } limit && limit < nats.AckWait
            ? (limit > MinAckWait ? limit : MinAckWait)
            : nats.AckWait;
        var subscription = new FunctionSubscription(function.Id, function.EventName, settings.MaxAttempts, ackWait);
        return triggers is { Count: > 1 } ? subscription with { TriggerEvents = [.. triggers.Select(static t => t.EventName)] } : subscription;
    }

    private static TimeSpan MinAckWait => TimeSpan.FromSeconds(1);
}
