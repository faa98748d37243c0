using AttrFanout.Nats.Provisioning;
using AttrFanout.Stores;

namespace AttrFanout.Nats.Store;

/// <summary>Derives each function's server settings from its effective retries and timeout (configured override, else attribute, else default).</summary>
internal static class FunctionSubscriptions
{
    public static FunctionSubscription For(FunctionDescriptor function, AttrFanoutOptions fanout, NatsJetStreamOptions nats)
    {
        var settings = FunctionSettings.Resolve(function, fanout);
        var ackWait = settings.Timeout is { } limit && limit < nats.AckWait
            ? (limit > MinAckWait ? limit : MinAckWait)
            : nats.AckWait;
        return new FunctionSubscription(function.Id, function.EventName, settings.MaxAttempts, ackWait);
    }

    private static TimeSpan MinAckWait => TimeSpan.FromSeconds(1);
}
