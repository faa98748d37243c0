using AttrFanout.Nats.Provisioning;

namespace AttrFanout.Nats.Store;

/// <summary>Derives each function's server settings from its effective retries and timeout (configured override, else attribute, else default).</summary>
internal static class FunctionSubscriptions
{
    public static FunctionSubscription For(FunctionDescriptor function, AttrFanoutOptions fanout, NatsJetStreamOptions nats)
    {
        fanout.Functions.TryGetValue(function.Id, out var overrides);
        var retries = overrides?.Retries ?? function.Retries ?? fanout.DefaultRetries;
        var timeout = overrides?.Timeout ?? function.Timeout ?? fanout.DefaultTimeout;
        var ackWait = timeout is { } limit && limit < nats.AckWait
            ? (limit > MinAckWait ? limit : MinAckWait)
            : nats.AckWait;
        return new FunctionSubscription(function.Id, function.EventName, retries + 1, ackWait);
    }

    private static TimeSpan MinAckWait => TimeSpan.FromSeconds(1);
}
