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

    /// <summary>Creates the bucket, or updates it to these settings.</summary>
    public static async ValueTask<INatsKVStore> OpenAsync(INatsJSContext js, NatsJetStreamOptions options, CancellationToken cancellationToken) =>
        await new NatsKVContext(js).CreateOrUpdateStoreAsync(
            new NatsKVConfig(Name(options))
            {
                Description = "AttrFanout flow control: slots, rate buckets, idempotency claims, cancelled runs",
                History = 1,
                Storage = options.Storage == NatsStorage.Memory ? NatsKVStorageType.Memory : NatsKVStorageType.File,
                NumberOfReplicas = options.Replicas,
            },
            cancellationToken).ConfigureAwait(false);
}
