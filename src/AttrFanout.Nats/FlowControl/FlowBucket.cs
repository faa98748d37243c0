using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;

namespace AttrFanout.Nats.FlowControl;

/// <summary>
/// The KeyValue bucket <c>{stream}_FLOW</c> that holds what flow control shares across instances: concurrency and
/// singleton slots, throttle and rate-limit buckets, idempotency claims and cancelled runs (see <see cref="FlowKeyNames"/>).
/// </summary>
internal static class FlowBucket
{
    public static string Name(NatsJetStreamOptions options) => options.StreamName + "_FLOW";

    /// <summary>Creates the bucket, or updates it to these settings (only opens it when <see cref="NatsJetStreamOptions.AttachOnly"/>).</summary>
    public static async ValueTask<INatsKVStore> OpenAsync(INatsJSContext js, NatsJetStreamOptions options, CancellationToken cancellationToken)
    {
        var kv = new NatsKVContext(js);
        if (options.AttachOnly)
        {
            return await AttachAsync(kv, Name(options), cancellationToken).ConfigureAwait(false);
        }

        return await kv.CreateOrUpdateStoreAsync(
            new NatsKVConfig(Name(options))
            {
                Description = "AttrFanout flow control: slots, rate buckets, idempotency claims, cancelled runs",
                History = 1,
                Storage = options.Storage == NatsStorage.Memory ? NatsKVStorageType.Memory : NatsKVStorageType.File,
                NumberOfReplicas = options.Replicas,
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a bucket an app created, creating nothing; a missing one fails with what to do.</summary>
    public static async ValueTask<INatsKVStore> AttachAsync(NatsKVContext kv, string bucket, CancellationToken cancellationToken)
    {
        try
        {
            return await kv.GetStoreAsync(bucket, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NatsKVException or NatsJSApiException { Error.Code: 404 })
        {
            throw new AttrFanoutConfigurationException($"The server has no bucket '{bucket}'. Start the app once (it creates its buckets), or name the app's stream.");
        }
    }
}
